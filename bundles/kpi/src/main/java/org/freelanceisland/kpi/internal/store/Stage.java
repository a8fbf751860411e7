package org.freelanceisland.kpi.internal.store;

import org.freelanceisland.platform.api.LocalizedText;

/**
 * A stage of the plan.
 *
 * @param number 1, 2 or 3
 * @param fromYear the first fiscal year
 * @param toYear the last fiscal year
 * @param title the stage's name in the plan (奄美モデル構築期 ...)
 * @param theme what the stage is about
 */
public record Stage(int number, int fromYear, int toYear, LocalizedText title, LocalizedText theme) {
}
