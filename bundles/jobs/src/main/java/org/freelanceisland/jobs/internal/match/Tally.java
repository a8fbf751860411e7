package org.freelanceisland.jobs.internal.match;

import java.util.HashMap;
import java.util.Map;

/**
 * Each person's current load and past results in this program, read with one aggregate query per
 * ranking: active = introductions awaiting an answer or a contract plus contracts being worked on;
 * done = contracts delivered or paid.
 */
public final class Tally {

    private static final int[] NONE = new int[2];

    private final Map<String, int[]> counts;

    private Tally(Map<String, int[]> counts) {
        this.counts = counts;
    }

    /**
     * An empty tally.
     *
     * @return a tally in which everyone has no load and no results
     */
    public static Tally empty() {
        return new Tally(Map.of());
    }

    /**
     * Starts a tally.
     *
     * @param expected the number of people expected
     * @return a builder
     */
    public static Builder builder(int expected) {
        return new Builder(expected);
    }

    /**
     * The counts of a person.
     *
     * @param personId the person
     * @return {@code [active, done]}; do not change it
     */
    public int[] of(String personId) {
        int[] c = counts.get(personId);
        return c == null ? NONE : c;
    }

    /**
     * The number of people with counts.
     *
     * @return the size
     */
    public int size() {
        return counts.size();
    }

    /**
     * Every person with counts.
     *
     * @param action receives the person id and {@code [active, done]} (do not change it)
     */
    public void forEach(java.util.function.BiConsumer<String, int[]> action) {
        counts.forEach(action);
    }

    /** Adds up counts person by person. */
    public static final class Builder {
        private final Map<String, int[]> counts;

        private Builder(int expected) {
            counts = new HashMap<>(Math.max(16, expected * 4 / 3 + 1));
        }

        /**
         * Adds counts to a person.
         *
         * @param personId the person
         * @param active active introductions and contracts
         * @param done delivered or paid contracts
         * @return this builder
         */
        public Builder add(String personId, int active, int done) {
            int[] c = counts.computeIfAbsent(personId, k -> new int[2]);
            c[0] += active;
            c[1] += done;
            return this;
        }

        /**
         * The tally.
         *
         * @return the tally
         */
        public Tally build() {
            return new Tally(counts);
        }
    }
}
