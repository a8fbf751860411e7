package org.freelanceisland.people.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** Where a person comes from, as the plan counts migrants. */
public enum Origin {
    /** Born on the island and living here. */
    ISLAND_BORN(LocalizedText.of("島出身", "Island-born")),
    /** Born on the island, lived elsewhere, came back. */
    U_TURN(LocalizedText.of("Uターン", "U-turn")),
    /** Born elsewhere, moved to the island. */
    I_TURN(LocalizedText.of("Iターン", "I-turn"));

    private final LocalizedText label;

    Origin(LocalizedText label) {
        this.label = label;
    }

    /**
     * The name for people.
     *
     * @return the label
     */
    public LocalizedText label() {
        return label;
    }

    /**
     * Whether people of this origin move to the island (and are counted as migrants).
     *
     * @return {@code true} for U-turn and I-turn
     */
    public boolean migrates() {
        return this != ISLAND_BORN;
    }
}
