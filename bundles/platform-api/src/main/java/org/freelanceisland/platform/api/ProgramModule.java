package org.freelanceisland.platform.api;

import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service every program of the plan registers, so that the platform can list it, show its
 * console panel and tell administrators what it serves. A program is registered while its bundle
 * is active and disappears when its feature is retired.
 *
 * <p>Implementations are usually a small DS component in the program bundle.
 */
@ConsumerType
public interface ProgramModule {

    /**
     * The program's identifier: lowercase letters, digits and dashes, starting with a letter, at
     * most 32 characters (for example {@code terakoya}). It is the first path segment of the
     * program's REST API ({@code /api/<id>/}) and the prefix of its ledger event types and tables.
     *
     * @return the identifier, never {@code null}
     */
    String id();

    /**
     * The program's name for people.
     *
     * @return the title in Japanese and English
     */
    LocalizedText title();

    /**
     * One or two sentences on what the program does.
     *
     * @return the description in Japanese and English
     */
    LocalizedText description();

    /**
     * The environments of the plan this program serves.
     *
     * @return at least one pillar
     */
    Set<Pillar> pillars();

    /**
     * The stages of the plan (1, 2, 3) in which this program runs.
     *
     * @return the stage numbers
     */
    Set<Integer> stages();

    /**
     * Where the program's console panel is served, for example {@code /console/terakoya/}.
     *
     * @return the path of the panel, or empty when the program has no panel
     */
    default Optional<String> consolePath() {
        return Optional.empty();
    }
}
