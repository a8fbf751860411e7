package org.freelanceisland.people.internal.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.freelanceisland.people.internal.model.PersonInput.ConsentInput;
import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.SkillVocabulary;
import org.freelanceisland.platform.rest.FieldError;

/**
 * Checks a person's profile and reports every bad field at once (the REST API answers them as one
 * problem, a CSV import as errors of the row). The rules:
 * <ul>
 * <li>name and kana are required, at most 100 characters, without control characters; kana is
 * katakana or hiragana (half-width accepted, stored as full-width katakana), Latin letters for
 * foreign names, spaces, {@code ・ー};</li>
 * <li>e-mail looks like an address; a phone number has 6 to 15 digits and only {@code + - ( )} and
 * spaces besides;</li>
 * <li>the registration date and the moving date are not in the future;</li>
 * <li>skills are curated codes, their labels or free tags of {@link SkillVocabulary#TAG}, at most
 * 30; portfolio links are absolute http or https URLs, at most 10; preferred kinds of work at most
 * 20 texts of 100 characters without {@code ;} (the spreadsheet's list separator);</li>
 * <li>hours per week 0 to 168;</li>
 * <li>only U-turn and I-turn people have a moving date or a relation phase; the phase MOVED goes
 * with a moving date and a moving date with the phase MOVED (set when absent); a household has 1 to
 * 20 people and "with family" needs more than one.</li>
 * </ul>
 */
public final class PersonValidator {

    /** Most skills a person may list. */
    public static final int MAX_SKILLS = 30;
    /** Most portfolio links. */
    public static final int MAX_LINKS = 10;
    /** Most preferred kinds of work. */
    public static final int MAX_PREFERRED = 20;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]+");
    private static final Pattern KANA = Pattern.compile("[\\p{IsKatakana}\\p{IsLatin} ・ー'.-]+");
    private static final Pattern NOTICE_VERSION = Pattern.compile("[\\p{Alnum}._-]{1,20}");

    private PersonValidator() {
    }

    /**
     * Checks a profile.
     *
     * @param in the profile as sent
     * @param today the current date on the island
     * @param errors where every bad field is reported, by its JSON path
     * @return the normalised profile, or {@code null} when an error was reported
     */
    public static PersonData validate(PersonInput in, LocalDate today, List<FieldError> errors) {
        int before = errors.size();
        String name = requiredText("name", in.name(), 100, errors);
        String kana = requiredText("kana", in.kana(), 100, errors);
        if (kana != null) {
            kana = Text.katakana(kana);
            if (!KANA.matcher(kana).matches()) {
                errors.add(new FieldError("kana", "must be written in kana (katakana or hiragana)"));
            }
        }
        String email = Text.clean(in.email());
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "must be an e-mail address such as taro@example.jp"));
        }
        String phone = Text.clean(in.phone());
        if (phone != null) {
            phone = Normalizer.normalize(phone, Normalizer.Form.NFKC).replace('ー', '-').replace('−', '-');
            long digits = phone.chars().filter(Character::isDigit).count();
            if (!PHONE.matcher(phone).matches() || digits < 6 || digits > 15) {
                errors.add(new FieldError("phone", "must be a phone number of 6 to 15 digits, such as 0997-52-1111"));
            }
        }
        String district = optionalText("district", in.district(), 50, errors);
        LocalDate registeredOn = in.registeredOn() == null ? today : in.registeredOn();
        if (registeredOn.isAfter(today)) {
            errors.add(new FieldError("registeredOn", "must not be in the future"));
        }
        List<String> skills = skills(in.skills(), errors);
        List<String> portfolio = portfolio(in.portfolio(), errors);
        Availability availability = availability(in.availability(), errors);
        Set<LifestyleConstraint> lifestyle = in.lifestyle() == null ? Set.of() : EnumSet.copyOf(withoutNulls(in.lifestyle(), "lifestyle", errors, LifestyleConstraint.class));
        List<String> preferred = texts("preferredWork", in.preferredWork(), MAX_PREFERRED, 100, errors);
        for (int i = 0; i < preferred.size(); i++) {
            if (preferred.get(i).indexOf(';') >= 0 || preferred.get(i).indexOf('；') >= 0) {
                errors.add(new FieldError("preferredWork[" + i + "]", "must not contain ; (it separates entries in the spreadsheet)"));
            }
        }
        PersonData.Residency residency = residency(in.residency(), today, errors);
        if (errors.size() > before) {
            return null;
        }
        return new PersonData(name, kana, email, phone, district, registeredOn, skills, portfolio, availability,
                lifestyle, preferred, residency);
    }

    /**
     * Checks the consents given at registration.
     *
     * @param consents the consents, may be {@code null}
     * @param today the current date
     * @param errors where bad fields are reported ({@code consents[i].field})
     * @return the consents, one per purpose
     */
    public static List<ConsentInput> consents(List<ConsentInput> consents, LocalDate today, List<FieldError> errors) {
        if (consents == null) {
            return List.of();
        }
        List<ConsentInput> valid = new ArrayList<>();
        Set<ConsentPurpose> seen = EnumSet.noneOf(ConsentPurpose.class);
        for (int i = 0; i < consents.size(); i++) {
            ConsentInput c = consents.get(i);
            String at = "consents[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            checkConsent(at + ".", c.purpose(), c.givenOn(), c.noticeVersion(), today, errors);
            if (c.purpose() != null && !seen.add(c.purpose())) {
                errors.add(new FieldError(at + ".purpose", "is given twice"));
            }
            valid.add(c);
        }
        return valid;
    }

    /**
     * Checks one consent.
     *
     * @param prefix the prefix of field names ({@code ""} or {@code consents[0].})
     * @param purpose the purpose
     * @param givenOn the date it was given
     * @param noticeVersion the version of the notice
     * @param today the current date
     * @param errors where bad fields are reported
     */
    public static void checkConsent(String prefix, ConsentPurpose purpose, LocalDate givenOn, String noticeVersion,
            LocalDate today, List<FieldError> errors) {
        if (purpose == null) {
            errors.add(new FieldError(prefix + "purpose", "is required: one of " + List.of(ConsentPurpose.values())));
        }
        if (givenOn == null) {
            errors.add(new FieldError(prefix + "givenOn", "is required"));
        } else if (givenOn.isAfter(today)) {
            errors.add(new FieldError(prefix + "givenOn", "must not be in the future"));
        }
        if (noticeVersion == null || !NOTICE_VERSION.matcher(noticeVersion).matches()) {
            errors.add(new FieldError(prefix + "noticeVersion", "is required: 1 to 20 letters, digits, dots or dashes, such as 2025-04"));
        }
    }

    private static String requiredText(String field, String value, int max, List<FieldError> errors) {
        String text = Text.clean(value);
        if (text == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return checkText(field, text, max, errors);
    }

    private static String optionalText(String field, String value, int max, List<FieldError> errors) {
        String text = Text.clean(value);
        return text == null ? null : checkText(field, text, max, errors);
    }

    private static String checkText(String field, String text, int max, List<FieldError> errors) {
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (Text.hasControl(text)) {
            errors.add(new FieldError(field, "must be one line without control characters"));
        }
        return text;
    }

    private static List<String> skills(List<String> input, List<FieldError> errors) {
        if (input == null) {
            return List.of();
        }
        Set<String> skills = new LinkedHashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String raw = Text.clean(input.get(i));
            if (raw == null) {
                errors.add(new FieldError("skills[" + i + "]", "must not be blank"));
                continue;
            }
            String skill = Text.skill(raw);
            if (!SkillVocabulary.TAG.matcher(skill).matches()) {
                errors.add(new FieldError("skills[" + i + "]",
                        "must be a skill code or a tag of up to 40 letters, digits, spaces, dashes or ・ー"));
                continue;
            }
            skills.add(skill);
        }
        if (skills.size() > MAX_SKILLS) {
            errors.add(new FieldError("skills", "at most " + MAX_SKILLS + " skills"));
        }
        return List.copyOf(skills);
    }

    private static List<String> portfolio(List<String> input, List<FieldError> errors) {
        if (input == null) {
            return List.of();
        }
        if (input.size() > MAX_LINKS) {
            errors.add(new FieldError("portfolio", "at most " + MAX_LINKS + " links"));
            return List.of();
        }
        Set<String> links = new LinkedHashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String link = Text.clean(input.get(i));
            if (link == null || link.length() > 500 || !isWebLink(link)) {
                errors.add(new FieldError("portfolio[" + i + "]", "must be an http or https URL such as https://example.jp/works"));
                continue;
            }
            links.add(link);
        }
        return List.copyOf(links);
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Availability availability(PersonInput.AvailabilityInput input, List<FieldError> errors) {
        if (input == null) {
            return Availability.NONE;
        }
        int hours = input.hoursPerWeek() == null ? 0 : input.hoursPerWeek();
        if (hours < 0 || hours > 168) {
            errors.add(new FieldError("availability.hoursPerWeek", "must be between 0 and 168"));
            hours = 0;
        }
        return new Availability(hours,
                input.weekdays() == null ? Set.of() : withoutNulls(input.weekdays(), "availability.weekdays", errors, java.time.DayOfWeek.class),
                input.windows() == null ? Set.of() : withoutNulls(input.windows(), "availability.windows", errors, org.freelanceisland.platform.api.people.TimeWindow.class));
    }

    private static <E extends Enum<E>> Set<E> withoutNulls(Set<E> values, String field, List<FieldError> errors, Class<E> type) {
        Set<E> copy = EnumSet.noneOf(type);
        for (E value : values) {
            if (value == null) {
                errors.add(new FieldError(field, "must not hold null"));
            } else {
                copy.add(value);
            }
        }
        return copy;
    }

    private static List<String> texts(String field, List<String> input, int maxItems, int maxLength, List<FieldError> errors) {
        if (input == null) {
            return List.of();
        }
        if (input.size() > maxItems) {
            errors.add(new FieldError(field, "at most " + maxItems + " entries"));
            return List.of();
        }
        Set<String> texts = new LinkedHashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String text = Text.clean(input.get(i));
            if (text == null) {
                errors.add(new FieldError(field + "[" + i + "]", "must not be blank"));
            } else {
                texts.add(checkText(field + "[" + i + "]", text, maxLength, errors));
            }
        }
        return List.copyOf(texts);
    }

    private static PersonData.Residency residency(PersonInput.ResidencyInput in, LocalDate today, List<FieldError> errors) {
        if (in == null) {
            return PersonData.Residency.UNKNOWN;
        }
        Origin origin = in.origin();
        RelationPhase phase = in.phase();
        LocalDate movedOn = in.movedOn();
        if (movedOn != null) {
            if (movedOn.isAfter(today)) {
                errors.add(new FieldError("residency.movedOn", "must not be in the future"));
            }
            if (origin == null || !origin.migrates()) {
                errors.add(new FieldError("residency.movedOn", "only people who moved to the island (U_TURN, I_TURN) have a moving date"));
            }
            if (phase == null) {
                phase = RelationPhase.MOVED;
            } else if (phase != RelationPhase.MOVED) {
                errors.add(new FieldError("residency.phase", "must be MOVED when there is a moving date"));
            }
        } else if (phase == RelationPhase.MOVED) {
            errors.add(new FieldError("residency.movedOn", "is required when the phase is MOVED"));
        }
        if (phase != null && origin == Origin.ISLAND_BORN) {
            errors.add(new FieldError("residency.phase", "only for people moving to the island (U_TURN, I_TURN)"));
        }
        Integer household = in.householdSize();
        if (household != null && (household < 1 || household > 20)) {
            errors.add(new FieldError("residency.householdSize", "must be between 1 and 20"));
        }
        Boolean withFamily = in.withFamily();
        if (withFamily == null && household != null) {
            withFamily = household > 1;
        } else if (Boolean.TRUE.equals(withFamily) && household != null && household == 1) {
            errors.add(new FieldError("residency.withFamily", "a household of one person has no family with it"));
        }
        return new PersonData.Residency(origin, movedOn, household, withFamily, phase);
    }
}
