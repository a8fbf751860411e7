package org.freelanceisland.kpi.internal.store;

import java.time.Instant;

import org.freelanceisland.kpi.internal.model.Definition;

/**
 * An indicator definition as stored.
 *
 * @param definition the definition
 * @param retired whether an administrator retired it
 * @param revision the revision number, 1 for the first; every change adds one
 * @param updatedBy who made the last change ({@code system:seed} for the seed data)
 * @param updatedAt when
 * @param seedVersion the seed version that wrote it, or {@code null} once changed through the API
 */
public record StoredIndicator(Definition definition, boolean retired, int revision, String updatedBy, Instant updatedAt,
        Integer seedVersion) {

    /**
     * The indicator's id.
     *
     * @return the id
     */
    public String id() {
        return definition.id();
    }
}
