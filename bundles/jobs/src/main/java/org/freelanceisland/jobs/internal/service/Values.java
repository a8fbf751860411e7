package org.freelanceisland.jobs.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.people.SkillVocabulary;
import org.freelanceisland.platform.rest.ProblemException;

/** Small conversions shared by the services. */
final class Values {

    private Values() {
    }

    /** Trims a text; blank becomes {@code null}. */
    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * A WHERE clause from conditions each written as {@code " AND ..."}.
     *
     * @param conditions the conditions
     * @return {@code " WHERE ..."}, or nothing when there are none
     */
    static String where(CharSequence conditions) {
        return conditions.length() == 0 ? "" : " WHERE" + conditions.toString().substring(4);
    }

    /** Escapes a text for {@code LIKE ... ESCAPE '\'}, lower case, wrapped in {@code %}. */
    static String like(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * Checks and normalises skills: curated codes as they are, free tags trimmed (curated codes
     * compared without case), no duplicates.
     *
     * @param field the request field
     * @param skills the skills given
     * @return the skills, in the order given
     * @throws ProblemException 400 naming a skill that is not a code or tag
     */
    static List<String> skills(String field, Collection<String> skills) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : skills) {
            out.add(skill(field, raw));
        }
        return new ArrayList<>(out);
    }

    /**
     * Checks and normalises one skill.
     *
     * @param field the request field
     * @param raw the skill given
     * @return the curated code or the trimmed tag
     */
    static String skill(String field, String raw) {
        String s = raw == null ? "" : raw.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (SkillVocabulary.isCurated(lower)) {
            return lower;
        }
        if (!SkillVocabulary.TAG.matcher(s).matches()) {
            throw ProblemException.invalid(field, "'" + s + "' is not a skill code or tag (1 to 40 letters, digits, dashes)");
        }
        return s;
    }

    /** The label of a skill code or tag. */
    static LocalizedText skillLabel(String skill) {
        LocalizedText curated = SkillVocabulary.SKILLS.get(skill);
        return curated != null ? curated : LocalizedText.of(skill, skill);
    }

    /** Joins values into one column: {@code |a|b|}, or {@code null} when there are none. */
    static <T> String join(Collection<T> values, Function<T, String> text) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder("|");
        for (T v : values) {
            s.append(text.apply(v)).append('|');
        }
        return s.toString();
    }

    /** Splits a column written by {@link #join}. */
    static <T> List<T> split(String column, Function<String, T> value) {
        List<T> out = new ArrayList<>();
        if (column == null) {
            return out;
        }
        for (String part : column.split("\\|")) {
            if (!part.isEmpty()) {
                out.add(value.apply(part));
            }
        }
        return out;
    }

    /** Splits a column of ISO dates. */
    static List<LocalDate> dates(String column) {
        return split(column, LocalDate::parse);
    }

    /** A Japanese and English text from a request, or {@code null}. */
    static LocalizedText text(String ja, String en) {
        String j = blank(ja);
        return j == null ? null : LocalizedText.of(j, blank(en));
    }
}
