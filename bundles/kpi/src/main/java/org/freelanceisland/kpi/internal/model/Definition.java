package org.freelanceisland.kpi.internal.model;

import java.math.BigDecimal;

import org.freelanceisland.platform.api.LocalizedText;

/**
 * An indicator of the plan as data: its target, where its actual comes from and, for computed
 * indicators, the counting rule. Stored as JSON in the {@code kpi} persistence unit and versioned on
 * every change.
 *
 * @param id a stable identifier, lowercase letters, digits and dashes (for example {@code s3-skill-up})
 * @param stage the stage of the plan (1 to 3)
 * @param name the indicator's name
 * @param unit the unit of target and actual
 * @param target the plan's target
 * @param actualSource where the actual comes from
 * @param reportedActual the reported figure, for {@link ActualSource#REPORTED}; otherwise {@code null}
 * @param series a key shared by comparable indicators of different stages (for the trend), or {@code null}
 * @param note the counting rule in words, with what the plan says about it
 * @param rule how the indicator is counted from the ledger; required when computed, optional when reported
 * @param sortOrder the position within the stage
 */
public record Definition(String id, int stage, LocalizedText name, Unit unit, BigDecimal target,
        ActualSource actualSource, BigDecimal reportedActual, String series, LocalizedText note, CountingRule rule,
        int sortOrder) {
}
