package org.freelanceisland.people.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.freelanceisland.people.internal.People;
import org.freelanceisland.platform.rest.FieldError;
import org.junit.jupiter.api.Test;

class PersonValidatorTest {

    private static final LocalDate TODAY = People.TODAY;

    private static List<String> fields(PersonInput in) {
        List<FieldError> errors = new ArrayList<>();
        PersonValidator.validate(in, TODAY, errors);
        return errors.stream().map(FieldError::field).toList();
    }

    private static PersonInput with(String name, String kana, String email, String phone, List<String> skills,
            List<String> portfolio, Integer hours, PersonInput.ResidencyInput residency) {
        return new PersonInput(name, kana, email, phone, null, null, skills, portfolio,
                new PersonInput.AvailabilityInput(hours, null, null), null, null, residency, null, null);
    }

    @Test
    void aValidProfileIsNormalised() {
        List<FieldError> errors = new ArrayList<>();
        PersonData data = PersonValidator.validate(new PersonInput("  奄美 花子 ", "ｱﾏﾐ ﾊﾅｺ", null, "０９０−１２３４−５６７８",
                null, null, List.of("ライティング", "Photography", "大島紬", "大島紬"), null, null, null, null, null, null, null),
                TODAY, errors);
        assertEquals(List.of(), errors);
        assertNotNull(data);
        assertEquals("奄美 花子", data.name());
        assertEquals("アマミ ハナコ", data.kana());
        assertEquals("090-1234-5678", data.phone());
        assertEquals(TODAY, data.registeredOn());
        assertEquals(List.of("writing", "photography", "大島紬"), data.skills());
    }

    @Test
    void hiraganaKanaIsStoredInKatakana() {
        List<FieldError> errors = new ArrayList<>();
        PersonData data = PersonValidator.validate(with("山田太郎", "やまだ たろう", null, null, null, null, null, null), TODAY, errors);
        assertEquals("ヤマダ タロウ", data.kana());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        List<String> fields = fields(with(" ", "山田", "not-an-email", "abc", List.of("<script>"),
                List.of("javascript:alert(1)", "ftp://example.jp/x", "https://example.jp/ok"), 200,
                new PersonInput.ResidencyInput(Origin.ISLAND_BORN, TODAY.plusDays(1), 0, true, RelationPhase.VISITING)));
        assertEquals(List.of("name", "kana", "email", "phone", "skills[0]", "portfolio[0]", "portfolio[1]",
                "availability.hoursPerWeek", "residency.movedOn", "residency.movedOn", "residency.phase",
                "residency.phase", "residency.householdSize"), fields);
    }

    @Test
    void migrationRules() {
        assertEquals(List.of("residency.movedOn"), fields(with("a", "ア", null, null, null, null, null,
                new PersonInput.ResidencyInput(Origin.I_TURN, null, null, null, RelationPhase.MOVED))));
        assertEquals(List.of("residency.withFamily"), fields(with("a", "ア", null, null, null, null, null,
                new PersonInput.ResidencyInput(Origin.U_TURN, null, 1, true, RelationPhase.TRIAL_STAY))));
        List<FieldError> errors = new ArrayList<>();
        PersonData data = PersonValidator.validate(with("a", "ア", null, null, null, null, null,
                new PersonInput.ResidencyInput(Origin.U_TURN, LocalDate.of(2024, 4, 1), 2, null, null)), TODAY, errors);
        assertEquals(RelationPhase.MOVED, data.residency().phase());
        assertEquals(Boolean.TRUE, data.residency().withFamily());
    }

    @Test
    void consentsNeedPurposeDateAndNoticeVersionOncePerPurpose() {
        List<FieldError> errors = new ArrayList<>();
        PersonValidator.consents(List.of(
                new PersonInput.ConsentInput(null, null, null),
                new PersonInput.ConsentInput(org.freelanceisland.platform.api.people.ConsentPurpose.STATISTICS, TODAY.plusDays(1), "v1"),
                new PersonInput.ConsentInput(org.freelanceisland.platform.api.people.ConsentPurpose.STATISTICS, TODAY, "v 1")),
                TODAY, errors);
        assertEquals(List.of("consents[0].purpose", "consents[0].givenOn", "consents[0].noticeVersion",
                "consents[1].givenOn", "consents[2].noticeVersion", "consents[2].purpose"),
                errors.stream().map(FieldError::field).toList());
    }

    @Test
    void limitsOnListsAndLengths() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            many.add("tag" + i);
        }
        assertTrue(fields(with("a", "ア", null, null, many, null, null, null)).contains("skills"));
        assertEquals(List.of("name"), fields(with("x".repeat(101), "ア", null, null, null, null, null, null)));
        assertEquals(List.of("name"), fields(with("山田\n太郎", "ア", null, null, null, null, null, null)));
        List<FieldError> errors = new ArrayList<>();
        assertNull(PersonValidator.validate(with(null, null, null, null, null, null, null, null), TODAY, errors));
        assertEquals(Set.of("name", "kana"), Set.copyOf(errors.stream().map(FieldError::field).toList()));
    }
}
