package org.freelanceisland.platform.api.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One audited act.
 *
 * @param actor who acted: the signed-in user's name, or {@code system:<bundle>} for the platform
 * @param action what was done, {@code <module>.<verb>} in lowercase, for example
 *        {@code people.record.read}, {@code people.export}, {@code kpi.records.read}
 * @param subjectType the kind of thing acted on, for example {@code person}, {@code export},
 *        {@code program}
 * @param subjectId which one, or {@code null} (for example for an export of many records)
 * @param purpose why, in a few words (for example {@code enrolment review}), or {@code null}
 * @param details further facts as text (no personal data beyond ids), at most 20 entries
 */
public record AuditEntry(String actor, String action, String subjectType, String subjectId, String purpose,
        Map<String, String> details) {

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]{0,31}(\\.[a-z][a-z0-9_-]{0,63}){1,4}");

    /** Checks the fields. */
    public AuditEntry {
        if (actor == null || actor.isBlank() || actor.length() > 200) {
            throw new IllegalArgumentException("actor: 1 to 200 characters");
        }
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action: must look like <module>.<verb>, e.g. people.record.read");
        }
        Objects.requireNonNull(subjectType, "subjectType");
        if (subjectType.isBlank() || subjectType.length() > 50) {
            throw new IllegalArgumentException("subjectType: 1 to 50 characters");
        }
        if (subjectId != null && subjectId.length() > 200) {
            throw new IllegalArgumentException("subjectId: at most 200 characters");
        }
        if (purpose != null && purpose.length() > 500) {
            throw new IllegalArgumentException("purpose: at most 500 characters");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        if (details != null) {
            if (details.size() > 20) {
                throw new IllegalArgumentException("details: at most 20 entries");
            }
            details.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "details key"),
                    v == null ? "" : v.length() > 1000 ? v.substring(0, 1000) : v));
        }
        details = Collections.unmodifiableMap(copy);
    }

    /**
     * An entry without details.
     *
     * @param actor who acted
     * @param action what was done
     * @param subjectType the kind of thing
     * @param subjectId which one, or {@code null}
     * @param purpose why, or {@code null}
     * @return the entry
     */
    public static AuditEntry of(String actor, String action, String subjectType, String subjectId, String purpose) {
        return new AuditEntry(actor, action, subjectType, subjectId, purpose, Map.of());
    }
}
