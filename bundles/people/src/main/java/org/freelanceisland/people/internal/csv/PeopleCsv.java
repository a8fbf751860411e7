package org.freelanceisland.people.internal.csv;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.freelanceisland.people.internal.model.Origin;
import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.PersonData;
import org.freelanceisland.people.internal.model.PersonInput;
import org.freelanceisland.people.internal.model.PersonInput.ConsentInput;
import org.freelanceisland.people.internal.model.PersonValidator;
import org.freelanceisland.people.internal.model.RelationPhase;
import org.freelanceisland.people.internal.model.Text;
import org.freelanceisland.people.internal.store.PeopleStore.ImportRow;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.SkillVocabulary;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.FieldError;

/**
 * The people spreadsheet: the columns of the CSV export and import (UTF-8 with BOM, Japanese
 * headers, one person per row). Lists are separated by {@code ;} (also {@code ；}, and {@code 、}
 * in lists of choices and skills, on import; portfolio links by spaces); choices are written with their Japanese labels and read from labels or codes; dates
 * are {@code 2025-04-01} (also {@code 2025/4/1} as Excel shows them). The column order of an import
 * does not matter; unknown columns are errors. A row with an {@code ID} updates that person's profile;
 * a row without one registers a new person. Consent columns are read for new people only (consents
 * of registered people change through the API, so that a withdrawal is a deliberate act); the
 * {@code 状態} column is written but not read.
 */
public final class PeopleCsv {

    /** A column: its header, the JSON field its errors map to, and how it is written. */
    private record Column(String header, String field, Function<Person, String> writer) {
    }

    private static final String LIST_SEPARATOR = ";";
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("uuuu/M/d");
    private static final String[] WEEKDAY_JA = { "月", "火", "水", "木", "金", "土", "日" };

    /** The columns, in the order of the export. */
    private static final List<Column> COLUMNS = List.of(
            new Column("ID", "id", p -> p.key()),
            new Column("氏名", "name", p -> text(p.name())),
            new Column("フリガナ", "kana", p -> text(p.kana())),
            new Column("メールアドレス", "email", p -> text(p.email())),
            new Column("電話番号", "phone", p -> text(p.phone())),
            new Column("地区", "district", p -> text(p.district())),
            new Column("登録日", "registeredOn", p -> date(p.registeredOn())),
            new Column("スキル", "skills", p -> p.skills().stream().map(PeopleCsv::skillLabel).map(PeopleCsv::text)
                    .collect(Collectors.joining(LIST_SEPARATOR))),
            new Column("ポートフォリオ", "portfolio", p -> String.join(" ", p.portfolio())),
            new Column("週あたり稼働時間", "availability.hoursPerWeek", p -> p.erased() ? "" : Integer.toString(p.availability().hoursPerWeek())),
            new Column("稼働曜日", "availability.weekdays", p -> p.availability().weekdays().stream().sorted()
                    .map(d -> WEEKDAY_JA[d.getValue() - 1]).collect(Collectors.joining(LIST_SEPARATOR))),
            new Column("稼働時間帯", "availability.windows", p -> labels(p.availability().windows(), TimeWindow::label)),
            new Column("生活上の制約", "lifestyle", p -> labels(p.lifestyle(), LifestyleConstraint::label)),
            new Column("希望する仕事", "preferredWork", p -> p.preferredWork().stream().map(PeopleCsv::text)
                    .collect(Collectors.joining(LIST_SEPARATOR))),
            new Column("出身区分", "residency.origin", p -> p.residency().origin() == null ? "" : p.residency().origin().label().ja()),
            new Column("移住日", "residency.movedOn", p -> date(p.residency().movedOn())),
            new Column("世帯人数", "residency.householdSize", p -> p.residency().householdSize() == null ? "" : p.residency().householdSize().toString()),
            new Column("家族帯同", "residency.withFamily", p -> p.residency().withFamily() == null ? "" : p.residency().withFamily() ? "あり" : "なし"),
            new Column("島との関係", "residency.phase", p -> p.residency().phase() == null ? "" : p.residency().phase().label().ja()),
            new Column("同意項目", "consents.purpose", p -> labels(p.consentedPurposes(), ConsentPurpose::label)),
            new Column("同意日", "consents.givenOn", p -> latestConsent(p).map(c -> date(c.givenOn())).orElse("")),
            new Column("同意書の版", "consents.noticeVersion", p -> latestConsent(p).map(Person.Consent::noticeVersion).orElse("")),
            new Column("状態", "status", p -> p.erased() ? "消去済み" : p.active() ? "有効" : "無効"));

    private static final Map<String, Column> BY_HEADER = COLUMNS.stream()
            .collect(Collectors.toMap(Column::header, c -> c, (a, b) -> a, LinkedHashMap::new));

    private PeopleCsv() {
    }

    /**
     * The headers of the spreadsheet, in export order.
     *
     * @return the headers
     */
    public static List<String> headers() {
        return COLUMNS.stream().map(Column::header).toList();
    }

    /**
     * Writes people as a CSV file.
     *
     * @param people the records
     * @return the file's bytes (UTF-8 with BOM, CRLF)
     */
    public static byte[] write(List<Person> people) {
        List<List<String>> rows = new ArrayList<>(people.size() + 1);
        rows.add(headers());
        for (Person p : people) {
            rows.add(COLUMNS.stream().map(c -> c.writer().apply(p)).map(v -> v == null ? "" : v).toList());
        }
        return Csv.writeBytes(rows);
    }

    /**
     * The outcome of reading an import: the rows to store, or the errors of every bad row.
     *
     * @param rows the rows, when there are no errors
     * @param errors every error, {@code rows[<line>].<field>} with the column's header in the message
     */
    public record Parsed(List<ImportRow> rows, List<FieldError> errors) {
    }

    /**
     * Reads and checks an import.
     *
     * @param bytes the file
     * @param today the current date
     * @param existing tells which of the ids in the file can be updated (exist and are not erased)
     * @return the rows or the errors
     */
    public static Parsed read(byte[] bytes, LocalDate today, Function<Set<Long>, Set<Long>> existing) {
        List<Csv.Row> records;
        try {
            records = Csv.read(bytes);
        } catch (Csv.CsvFormatException e) {
            return new Parsed(List.of(), List.of(new FieldError("rows[" + e.line() + "]", e.getMessage())));
        }
        if (records.isEmpty()) {
            return new Parsed(List.of(), List.of(new FieldError("file", "is empty: the first row must hold the column headers")));
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> headers = records.get(0).fields().stream().map(String::strip).toList();
        int headerLine = records.get(0).line();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i);
            if (!BY_HEADER.containsKey(h)) {
                errors.add(new FieldError("rows[" + headerLine + "]", "unknown column \"" + h + "\"; the columns are " + headers()));
            } else if (!seen.add(h)) {
                errors.add(new FieldError("rows[" + headerLine + "]", "the column \"" + h + "\" appears twice"));
            }
        }
        for (String required : List.of("氏名", "フリガナ")) {
            if (!seen.contains(required)) {
                errors.add(new FieldError("rows[" + headerLine + "]", "the column \"" + required + "\" is missing"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors);
        }
        List<ImportRow> rows = new ArrayList<>();
        Map<Long, Integer> idLines = new HashMap<>();
        List<Integer> lines = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r).fields();
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            int line = records.get(r).line();
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                values.put(headers.get(i), i < record.size() ? Csv.unprotect(record.get(i)).strip() : "");
            }
            if (record.size() > headers.size() && record.subList(headers.size(), record.size()).stream().anyMatch(v -> !v.isBlank())) {
                errors.add(new FieldError("rows[" + line + "]", "has more fields than there are columns"));
            }
            ImportRow row = readRow(line, values, today, errors);
            if (row != null) {
                if (row.id() != null && idLines.put(row.id(), line) != null) {
                    errors.add(rowError(line, BY_HEADER.get("ID"), "the person " + row.id() + " appears twice in the file"));
                }
                rows.add(row);
                lines.add(line);
            }
        }
        Set<Long> writable = existing.apply(idLines.keySet());
        for (int i = 0; i < rows.size(); i++) {
            Long id = rows.get(i).id();
            if (id != null && !writable.contains(id)) {
                errors.add(rowError(lines.get(i), BY_HEADER.get("ID"), "no person with id " + id + " (or the record was erased)"));
            }
        }
        errors.sort(java.util.Comparator.comparingInt(PeopleCsv::lineOf));
        return errors.isEmpty() ? new Parsed(rows, List.of()) : new Parsed(List.of(), errors);
    }

    private static int lineOf(FieldError e) {
        String f = e.field();
        int open = f.indexOf('[');
        int close = f.indexOf(']');
        try {
            return open >= 0 && close > open ? Integer.parseInt(f.substring(open + 1, close)) : 0;
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static ImportRow readRow(int line, Map<String, String> v, LocalDate today, List<FieldError> errors) {
        List<FieldError> rowErrors = new ArrayList<>();
        Long id = null;
        String idText = v.getOrDefault("ID", "");
        if (!idText.isEmpty()) {
            try {
                id = Long.parseLong(idText);
            } catch (NumberFormatException e) {
                rowErrors.add(new FieldError("id", "must be the number of a registered person, or empty for a new person"));
            }
        }
        LocalDate registeredOn = dateField(v.get("登録日"), "registeredOn", rowErrors);
        Integer hours = intField(v.get("週あたり稼働時間"), "availability.hoursPerWeek", rowErrors);
        Set<DayOfWeek> weekdays = weekdays(v.get("稼働曜日"), rowErrors);
        Set<TimeWindow> windows = choices(v.get("稼働時間帯"), TimeWindow.class, TimeWindow::label, "availability.windows", rowErrors);
        Set<LifestyleConstraint> lifestyle = choices(v.get("生活上の制約"), LifestyleConstraint.class, LifestyleConstraint::label,
                "lifestyle", rowErrors);
        Origin origin = choice(v.get("出身区分"), Origin.class, Origin::label, "residency.origin", rowErrors);
        LocalDate movedOn = dateField(v.get("移住日"), "residency.movedOn", rowErrors);
        Integer household = intField(v.get("世帯人数"), "residency.householdSize", rowErrors);
        Boolean withFamily = yesNo(v.get("家族帯同"), "residency.withFamily", rowErrors);
        RelationPhase phase = choice(v.get("島との関係"), RelationPhase.class, RelationPhase::label, "residency.phase", rowErrors);
        Set<ConsentPurpose> purposes = choices(v.get("同意項目"), ConsentPurpose.class, ConsentPurpose::label, "consents.purpose", rowErrors);
        LocalDate givenOn = dateField(v.get("同意日"), "consents.givenOn", rowErrors);
        String notice = Text.clean(v.get("同意書の版"));

        PersonInput input = new PersonInput(v.get("氏名"), v.get("フリガナ"), v.get("メールアドレス"), v.get("電話番号"),
                v.get("地区"), registeredOn, list(v.get("スキル")), Arrays.stream(v.getOrDefault("ポートフォリオ", "").split("\\s+"))
                        .filter(s -> !s.isBlank()).toList(),
                new PersonInput.AvailabilityInput(hours, weekdays, windows), lifestyle, texts(v.get("希望する仕事")),
                new PersonInput.ResidencyInput(origin, movedOn, household, withFamily, phase), null, null);
        PersonData data = PersonValidator.validate(input, today, rowErrors);
        List<ConsentInput> consents = new ArrayList<>();
        if (id == null && !purposes.isEmpty()) {
            List<FieldError> consentErrors = new ArrayList<>();
            for (ConsentPurpose purpose : purposes) {
                PersonValidator.checkConsent("consents.", purpose, givenOn, notice, today, consentErrors);
                consents.add(new ConsentInput(purpose, givenOn, notice));
            }
            consentErrors.stream().distinct().forEach(rowErrors::add);
        }
        if (!rowErrors.isEmpty()) {
            rowErrors.stream().sorted(java.util.Comparator.comparingInt(e -> COLUMNS.indexOf(columnOf(e.field()))))
                    .forEach(e -> errors.add(rowError(line, columnOf(e.field()), e.message())));
            return null;
        }
        return new ImportRow(id, data, consents);
    }

    private static Column columnOf(String field) {
        String base = field.replaceAll("\\[\\d+\\]", "");
        for (Column c : COLUMNS) {
            if (c.field().equals(base)) {
                return c;
            }
        }
        return new Column(field, field, p -> "");
    }

    private static FieldError rowError(int line, Column column, String message) {
        return new FieldError("rows[" + line + "]." + column.field(), column.header() + ": " + message);
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[;；、]")).map(String::strip).filter(s -> !s.isEmpty()).map(Csv::unprotect).toList();
    }

    /** Free texts: separated by semicolons only, since Japanese text uses 、 within an entry. */
    private static List<String> texts(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[;；]")).map(String::strip).filter(s -> !s.isEmpty()).map(Csv::unprotect).toList();
    }

    private static LocalDate dateField(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFKC);
        try {
            return value.contains("/") ? LocalDate.parse(value, SLASHED) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date such as 2025-04-01 or 2025/4/1"));
            return null;
        }
    }

    private static Integer intField(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFKC));
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }

    private static Boolean yesNo(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (Set.of("あり", "はい", "有", "○", "true", "yes", "1").contains(value)) {
            return true;
        }
        if (Set.of("なし", "いいえ", "無", "×", "false", "no", "0").contains(value)) {
            return false;
        }
        errors.add(new FieldError(field, "must be あり or なし"));
        return null;
    }

    private static Set<DayOfWeek> weekdays(String text, List<FieldError> errors) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String token : list(text == null ? null : text.replace(',', ';'))) {
            DayOfWeek day = weekday(token);
            if (day != null) {
                days.add(day);
                continue;
            }
            boolean allJapanese = !token.isEmpty();
            for (int i = 0; i < token.length(); i++) {
                DayOfWeek d = weekday(token.substring(i, i + 1));
                if (d == null) {
                    allJapanese = false;
                    break;
                }
                days.add(d);
            }
            if (!allJapanese) {
                errors.add(new FieldError("availability.weekdays", "unknown day \"" + token + "\": use 月;火;水;木;金;土;日"));
            }
        }
        return days;
    }

    private static DayOfWeek weekday(String token) {
        String t = token.endsWith("曜日") ? token.substring(0, token.length() - 2) : token.endsWith("曜") ? token.substring(0, token.length() - 1) : token;
        for (int i = 0; i < WEEKDAY_JA.length; i++) {
            if (WEEKDAY_JA[i].equals(t)) {
                return DayOfWeek.of(i + 1);
            }
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equalsIgnoreCase(t) || d.name().substring(0, 3).equalsIgnoreCase(t)) {
                return d;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> Set<E> choices(String text, Class<E> type, Function<E, LocalizedText> label,
            String field, List<FieldError> errors) {
        Set<E> values = EnumSet.noneOf(type);
        for (String token : list(text)) {
            E value = choice(token, type, label, field, errors);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    private static <E extends Enum<E>> E choice(String text, Class<E> type, Function<E, LocalizedText> label,
            String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        for (E constant : type.getEnumConstants()) {
            LocalizedText l = label.apply(constant);
            if (constant.name().equalsIgnoreCase(value.replace('-', '_')) || l.ja().equals(value) || l.en().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        errors.add(new FieldError(field, "unknown value \"" + value + "\": use one of "
                + Arrays.stream(type.getEnumConstants()).map(c -> label.apply(c).ja()).toList()));
        return null;
    }

    private static <E extends Enum<E>> String labels(Set<E> values, Function<E, LocalizedText> label) {
        return values.stream().sorted().map(v -> label.apply(v).ja()).collect(Collectors.joining(LIST_SEPARATOR));
    }

    private static String skillLabel(String skill) {
        return SkillVocabulary.isCurated(skill) ? SkillVocabulary.SKILLS.get(skill).ja() : skill;
    }

    private static java.util.Optional<Person.Consent> latestConsent(Person p) {
        return p.consents().stream().filter(Person.Consent::holds)
                .max(java.util.Comparator.comparing(Person.Consent::givenOn));
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String text(String value) {
        return value; // Csv.quote guards a field that starts like a formula
    }
}
