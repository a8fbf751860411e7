package org.freelanceisland.kpi.internal.compute;

import java.math.BigDecimal;

/**
 * A computed figure.
 *
 * @param value the figure, or {@code null} when it cannot be stated (a ratio without any answers)
 * @param basis how many records it rests on: people for head counts, answers for a ratio, events
 *        otherwise (used to suppress small figures in open data)
 */
public record Figure(BigDecimal value, long basis) {
}
