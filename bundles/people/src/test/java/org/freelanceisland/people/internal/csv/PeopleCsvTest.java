package org.freelanceisland.people.internal.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.freelanceisland.people.internal.People;
import org.freelanceisland.people.internal.PeopleService;
import org.freelanceisland.people.internal.index.SearchCriteria;
import org.freelanceisland.people.internal.model.PeopleException;
import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.PersonInput;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.FieldError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeopleCsvTest {

    private final People people = new People();
    private final PeopleService service = people.service;

    @AfterEach
    void close() {
        people.close();
    }

    private static byte[] csv(String... lines) {
        return ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static final String HEADER = String.join(",", PeopleCsv.headers());

    @Test
    void exportHasTheDocumentedHeadersBomAndJapaneseLabels() {
        service.create(People.person("𠮷田 ﾊﾅｺ", "よしだ はなこ", "writing", "大島紬"), "staff1");
        byte[] bytes = PeopleCsv.write(service.export(SearchCriteria.activePeople()));
        assertEquals((byte) 0xEF, bytes[0]);
        List<List<String>> rows = Csv.read(bytes).stream().map(Csv.Row::fields).toList();
        assertEquals(List.of("ID", "氏名", "フリガナ", "メールアドレス", "電話番号", "地区", "登録日", "スキル", "ポートフォリオ",
                "週あたり稼働時間", "稼働曜日", "稼働時間帯", "生活上の制約", "希望する仕事", "出身区分", "移住日", "世帯人数", "家族帯同",
                "島との関係", "同意項目", "同意日", "同意書の版", "状態"), rows.get(0));
        List<String> row = rows.get(1);
        assertEquals("𠮷田 ﾊﾅｺ", row.get(1));
        assertEquals("ヨシダ ハナコ", row.get(2));
        assertEquals("ライティング;大島紬", row.get(7));
        assertEquals("月;火", row.get(10));
        assertEquals("子育て中", row.get(12));
        assertEquals("Iターン", row.get(14));
        assertEquals("あり", row.get(17));
        assertEquals("統計・報告;仕事の紹介", row.get(19));
        assertEquals("有効", row.get(22));
    }

    @Test
    void exportThenImportChangesNothingAndNewRowsAreRegistered() {
        Person p = service.create(People.person("山田 太郎", "ヤマダ タロウ", "writing", "photography"), "staff1");
        byte[] exported = PeopleCsv.write(service.export(SearchCriteria.activePeople()));
        String withNewRow = new String(exported, StandardCharsets.UTF_8)
                + ",\"奄美, 花子\",ｱﾏﾐ ﾊﾅｺ,,,笠利,2025/4/1,デザイン;島唄,,10,月火水,午後,,,Uターン,,,,訪問,仕事の紹介,2025-04-01,2025-04,\r\n";

        PeopleService.ImportResult dry = service.importCsv(withNewRow.getBytes(StandardCharsets.UTF_8), true, "staff1");
        assertEquals(new PeopleService.ImportResult(true, 2, 1, 1, List.of()), dry);
        assertEquals(1, service.index().size());

        PeopleService.ImportResult done = service.importCsv(withNewRow.getBytes(StandardCharsets.UTF_8), false, "staff1");
        assertEquals(1, done.created());
        assertEquals(1, done.updated());
        Person same = service.get(p.id());
        assertEquals(p.name(), same.name());
        assertEquals(p.skills(), same.skills());
        assertEquals(p.availability(), same.availability());
        assertEquals(p.residency(), same.residency());
        assertEquals(p.consentedPurposes(), same.consentedPurposes());
        Person hanako = service.get(Long.parseLong(done.ids().get(1)));
        assertEquals("奄美, 花子", hanako.name());
        assertEquals("アマミ ハナコ", hanako.kana());
        assertEquals(List.of("design", "島唄"), hanako.skills());
        assertEquals(3, hanako.availability().weekdays().size());
        assertEquals(Set.of(ConsentPurpose.JOB_OFFERS), hanako.consentedPurposes());
        assertEquals(1, people.ledger.ids("people.registered").stream().filter(id -> id.contains(":" + hanako.id() + ":")).count());
    }

    @Test
    void anInvalidRowImportsNothingAndEveryErrorNamesRowAndColumn() {
        byte[] file = csv("氏名,フリガナ,メールアドレス,週あたり稼働時間,稼働曜日,同意項目",
                "正しい 人,タダシイ ヒト,,10,月,",
                ",カナ,not-mail,200,月曜;祝日,",
                "漢字だけ,漢字,,,,統計・報告");
        PeopleException e = org.junit.jupiter.api.Assertions.assertThrows(PeopleException.class,
                () -> service.importCsv(file, false, "staff1"));
        assertEquals(List.of("rows[3].name", "rows[3].email", "rows[3].availability.hoursPerWeek", "rows[3].availability.weekdays",
                "rows[4].kana", "rows[4].consents.givenOn", "rows[4].consents.noticeVersion"),
                e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(0).message().startsWith("氏名: "), e.errors().get(0).message());
        assertEquals(0, service.index().size());
        assertTrue(people.ledger.events.isEmpty());
    }

    @Test
    void unknownOrMissingColumnsAndUnknownIdsAreRefused() {
        assertEquals(List.of("rows[1]", "rows[1]"), fields(csv("氏名,ふりがな", "a,ア")));
        assertEquals(List.of("rows[2].id"), fields(csv("ID,氏名,フリガナ", "4711,a,ア")));
        assertEquals(List.of("rows[3].id"), fields(csv("ID,氏名,フリガナ", "", "x1,a,ア")));
        assertEquals(List.of("file"), fields(new byte[0]));
        assertEquals(List.of("rows[2]"), fields("氏名,フリガナ\r\n\"a,ア".getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> fields(byte[] file) {
        try {
            service.importCsv(file, true, "staff1");
            return List.of();
        } catch (PeopleException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void formulasAreDefusedOnExportAndRestoredOnImport() {
        PersonInput in = People.person("=HYPERLINK(\"x\")", "イコール");
        Person p = service.create(in, "staff1");
        byte[] exported = PeopleCsv.write(service.export(SearchCriteria.activePeople()));
        assertEquals("'=HYPERLINK(\"x\")", Csv.read(exported).get(1).field(1));
        service.importCsv(exported, false, "staff1");
        assertEquals("=HYPERLINK(\"x\")", service.get(p.id()).name());
    }
}
