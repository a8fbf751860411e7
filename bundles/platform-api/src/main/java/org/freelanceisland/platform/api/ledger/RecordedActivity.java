package org.freelanceisland.platform.api.ledger;

import java.time.Instant;

/**
 * An event as the ledger holds it: the event, who recorded it and when.
 *
 * @param event the fact
 * @param recordedBy the bundle symbolic name of the program, or {@code user:<name>} for a person
 * @param recordedAt when the ledger stored it
 */
public record RecordedActivity(ActivityEvent event, String recordedBy, Instant recordedAt) {
}
