package org.freelanceisland.kpi.internal.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.ledger.AttributeFilter;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.rest.FieldError;

/**
 * Checks an indicator definition and turns it into a {@link Definition}; every problem is reported
 * with the field it concerns ({@code rule.thresholdYen}, {@code rule.eventTypes[1]}, ...).
 */
public final class DefinitionValidator {

    /** The shape of an indicator id. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final Pattern SERIES = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final BigDecimal MAX_FIGURE = new BigDecimal("1000000000000");
    private static final int MAX_TYPES = 20;
    private static final int MAX_PERSON_FILTERS = 5;

    private final Map<Integer, int[]> stageYears;

    /**
     * Creates a validator for the stages of the plan.
     *
     * @param stageYears each stage number with its first and last fiscal year
     */
    public DefinitionValidator(Map<Integer, int[]> stageYears) {
        this.stageYears = Map.copyOf(stageYears);
    }

    /** The outcome: a definition, or the fields that are wrong. */
    public record Result(Definition definition, List<FieldError> errors) {
        /**
         * Whether the definition is valid.
         *
         * @return {@code true} without errors
         */
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * Validates a definition.
     *
     * @param in the definition as sent
     * @param id the id it will have (from the path when updating; {@code in.id()} when creating)
     * @return the definition or the errors
     */
    public Result validate(DefinitionInput in, String id) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "2 to 64 lowercase letters, digits or dashes, starting with a letter"));
        } else if (in.id() != null && !in.id().equals(id)) {
            errors.add(new FieldError("id", "must be " + id + " (the indicator being changed) or left out"));
        }
        int[] years = null;
        if (in.stage() == null) {
            errors.add(new FieldError("stage", "required"));
        } else if ((years = stageYears.get(in.stage())) == null) {
            errors.add(new FieldError("stage", "no stage " + in.stage() + "; the plan has stages " + stageYears.keySet()));
        }
        LocalizedText name = text("name", in.name(), 200, errors);
        LocalizedText note = text("note", in.note(), 2000, errors);
        Unit unit = choice("unit", in.unit(), Unit.class, errors);
        ActualSource source = choice("actualSource", in.actualSource(), ActualSource.class, errors);
        if (in.target() == null) {
            errors.add(new FieldError("target", "required"));
        } else if (in.target().signum() <= 0 || in.target().compareTo(MAX_FIGURE) > 0 || in.target().scale() > 1) {
            errors.add(new FieldError("target", "a number above 0 and at most 10^12, with at most one decimal"));
        } else if (unit == Unit.PERCENT && in.target().compareTo(BigDecimal.valueOf(100)) > 0) {
            errors.add(new FieldError("target", "a percentage is at most 100"));
        }
        if (source == ActualSource.REPORTED) {
            if (in.reportedActual() == null) {
                errors.add(new FieldError("reportedActual", "required when the actual is reported"));
            } else if (in.reportedActual().signum() < 0 || in.reportedActual().compareTo(MAX_FIGURE) > 0
                    || in.reportedActual().scale() > 1) {
                errors.add(new FieldError("reportedActual", "a number from 0 to 10^12, with at most one decimal"));
            }
        } else if (source == ActualSource.COMPUTED && in.reportedActual() != null) {
            errors.add(new FieldError("reportedActual", "only a reported indicator has a reported actual"));
        }
        if (in.series() != null && !SERIES.matcher(in.series()).matches()) {
            errors.add(new FieldError("series", "1 to 64 lowercase letters, digits or dashes, starting with a letter"));
        }
        if (in.sortOrder() != null && (in.sortOrder() < 0 || in.sortOrder() > 9999)) {
            errors.add(new FieldError("sortOrder", "from 0 to 9999"));
        }
        CountingRule rule = null;
        if (in.rule() == null) {
            if (source == ActualSource.COMPUTED) {
                errors.add(new FieldError("rule", "required when the actual is computed from the ledger"));
            }
        } else {
            rule = rule(in.rule(), years, unit, errors);
        }
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new Definition(id, in.stage(), name, unit, in.target(), source,
                source == ActualSource.REPORTED ? in.reportedActual() : null, in.series(), note, rule,
                in.sortOrder() == null ? 0 : in.sortOrder()), List.of());
    }

    private CountingRule rule(DefinitionInput.Rule in, int[] stage, Unit unit, List<FieldError> errors) {
        List<String> types = types("rule.eventTypes", in.eventTypes(), errors);
        Integer from = in.fromYear() != null ? in.fromYear() : stage == null ? null : stage[0];
        Integer to = in.toYear() != null ? in.toYear() : stage == null ? null : stage[1];
        if (stage != null) {
            if (from < stage[0] || from > stage[1]) {
                errors.add(new FieldError("rule.fromYear", "must be within the stage's fiscal years " + stage[0] + "–" + stage[1]));
            }
            if (to < stage[0] || to > stage[1]) {
                errors.add(new FieldError("rule.toYear", "must be within the stage's fiscal years " + stage[0] + "–" + stage[1]));
            } else if (from > to) {
                errors.add(new FieldError("rule.toYear", "must not be before rule.fromYear"));
            }
        }
        Measure measure = choice("rule.measure", in.measure(), Measure.class, errors);
        if (measure == Measure.PERSONS_REACHING_YEARLY_AMOUNT) {
            if (in.thresholdYen() == null || in.thresholdYen() <= 0 || in.thresholdYen() > 1_000_000_000_000L) {
                errors.add(new FieldError("rule.thresholdYen", "required for " + measure + ": a yearly amount in yen above 0"));
            }
        } else if (in.thresholdYen() != null && measure != null) {
            errors.add(new FieldError("rule.thresholdYen", "only " + Measure.PERSONS_REACHING_YEARLY_AMOUNT + " has a threshold"));
        }
        AttributeCondition ratio = null;
        if (measure == Measure.RATIO) {
            if (in.ratioAttribute() == null) {
                errors.add(new FieldError("rule.ratioAttribute", "required for RATIO: the attribute value counted in the numerator"));
            } else {
                ratio = attribute("rule.ratioAttribute", in.ratioAttribute(), errors);
            }
        } else if (in.ratioAttribute() != null && measure != null) {
            errors.add(new FieldError("rule.ratioAttribute", "only RATIO has a ratio attribute"));
        }
        if (measure != null && unit != null && !compatible(measure, unit)) {
            errors.add(new FieldError("unit", unit + " does not fit the measure " + measure + " (" + expected(measure) + ")"));
        }
        List<AttributeCondition> attributes = attributes("rule.attributes", in.attributes(), errors);
        List<PersonCondition> persons = new ArrayList<>();
        List<DefinitionInput.PersonFilter> filters = in.personFilters() == null ? List.of() : in.personFilters();
        if (filters.size() > MAX_PERSON_FILTERS) {
            errors.add(new FieldError("rule.personFilters", "at most " + MAX_PERSON_FILTERS + " conditions"));
        }
        for (int i = 0; i < filters.size() && i < MAX_PERSON_FILTERS; i++) {
            String field = "rule.personFilters[" + i + "]";
            DefinitionInput.PersonFilter filter = filters.get(i);
            if (filter == null) {
                errors.add(new FieldError(field, "must not be null"));
                continue;
            }
            persons.add(new PersonCondition(types(field + ".eventTypes", filter.eventTypes(), errors),
                    attributes(field + ".attributes", filter.attributes(), errors),
                    filter.scope() == null ? PersonScope.UNTIL_END : choice(field + ".scope", filter.scope(), PersonScope.class, errors)));
        }
        if (from == null || to == null || measure == null) {
            return null;
        }
        return new CountingRule(types, from, to, measure, measure == Measure.PERSONS_REACHING_YEARLY_AMOUNT ? in.thresholdYen() : null,
                attributes, persons, ratio);
    }

    private static boolean compatible(Measure measure, Unit unit) {
        return switch (measure) {
            case DISTINCT_PERSONS, PERSONS_REACHING_YEARLY_AMOUNT -> unit == Unit.PEOPLE;
            case RATIO -> unit == Unit.PERCENT;
            case EVENTS -> unit == Unit.EVENTS || unit == Unit.PEOPLE;
            case SUM_AMOUNT -> unit != Unit.PERCENT;
        };
    }

    private static String expected(Measure measure) {
        return switch (measure) {
            case DISTINCT_PERSONS, PERSONS_REACHING_YEARLY_AMOUNT -> "PEOPLE";
            case RATIO -> "PERCENT";
            case EVENTS -> "EVENTS or PEOPLE";
            case SUM_AMOUNT -> "YEN, PEOPLE or EVENTS";
        };
    }

    private static List<String> types(String field, List<String> types, List<FieldError> errors) {
        if (types == null || types.isEmpty()) {
            errors.add(new FieldError(field, "at least one event type of docs/ledger-events.md, e.g. terakoya.course.completed"));
            return List.of();
        }
        if (types.size() > MAX_TYPES) {
            errors.add(new FieldError(field, "at most " + MAX_TYPES + " types"));
            return List.of();
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            try {
                if (type == null || type.isBlank()) {
                    throw new IllegalArgumentException("blank");
                }
                LedgerQuery.ofType(type);
                if (!valid.contains(type)) {
                    valid.add(type);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field + "[" + i + "]",
                        "an event type such as terakoya.course.completed or a prefix such as terakoya.*"));
            }
        }
        return valid;
    }

    private static List<AttributeCondition> attributes(String field, List<DefinitionInput.Attribute> in, List<FieldError> errors) {
        List<AttributeCondition> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        if (in.size() > LedgerQuery.MAX_ATTRIBUTE_FILTERS) {
            errors.add(new FieldError(field, "at most " + LedgerQuery.MAX_ATTRIBUTE_FILTERS + " conditions"));
            return out;
        }
        for (int i = 0; i < in.size(); i++) {
            AttributeCondition condition = attribute(field + "[" + i + "]", in.get(i), errors);
            if (condition != null) {
                out.add(condition);
            }
        }
        return out;
    }

    private static AttributeCondition attribute(String field, DefinitionInput.Attribute in, List<FieldError> errors) {
        if (in == null) {
            errors.add(new FieldError(field, "must not be null"));
            return null;
        }
        try {
            AttributeFilter checked = new AttributeFilter(in.name(), in.values());
            return new AttributeCondition(checked.name(), checked.values());
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            boolean aboutName = message.startsWith("attributes.name");
            errors.add(new FieldError(field + (aboutName ? ".name" : ".values"), message.substring(message.indexOf(": ") + 2)));
            return null;
        }
    }

    private static LocalizedText text(String field, DefinitionInput.Text in, int max, List<FieldError> errors) {
        if (in == null || in.ja() == null || in.ja().isBlank()) {
            errors.add(new FieldError(field + ".ja", "required"));
            return null;
        }
        if (in.ja().length() > max) {
            errors.add(new FieldError(field + ".ja", "at most " + max + " characters"));
            return null;
        }
        if (in.en() != null && in.en().length() > max) {
            errors.add(new FieldError(field + ".en", "at most " + max + " characters"));
            return null;
        }
        return LocalizedText.of(in.ja().strip(), in.en() == null ? null : in.en().strip());
    }

    private static <E extends Enum<E>> E choice(String field, String text, Class<E> type, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "required: one of " + names(type)));
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip().replace('-', '_'))) {
                return constant;
            }
        }
        errors.add(new FieldError(field, "one of " + names(type)));
        return null;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(type == ActualSource.class ? constant.name().toLowerCase(Locale.ROOT) : constant.name());
        }
        return String.join(", ", names);
    }
}
