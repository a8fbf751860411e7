package org.freelanceisland.kpi.internal.store;

import java.time.Instant;

import org.freelanceisland.kpi.internal.model.Definition;

/**
 * One revision of an indicator definition.
 *
 * @param revision its number
 * @param change {@code created}, {@code updated}, {@code retired}, {@code reinstated} or {@code seeded}
 * @param retired whether the indicator was retired after the change
 * @param definition the definition after the change
 * @param changedBy who
 * @param changedAt when
 */
public record Revision(int revision, String change, boolean retired, Definition definition, String changedBy,
        Instant changedAt) {
}
