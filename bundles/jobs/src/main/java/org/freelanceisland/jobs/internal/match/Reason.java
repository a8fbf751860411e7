package org.freelanceisland.jobs.internal.match;

import org.freelanceisland.platform.api.LocalizedText;

/**
 * One reason behind a candidate's score, as the coordinator sees it.
 *
 * @param code what the reason is about, stable for programs (for example {@code skill.has})
 * @param text the reason in Japanese and English
 * @param points what it added to (or, when negative, took from) the score
 * @param sensitive {@code true} when it reveals the person's lifestyle (child-rearing, side job,
 *        caregiving, remote only): shown to coordinators and staff only
 */
public record Reason(String code, LocalizedText text, int points, boolean sensitive) {
}
