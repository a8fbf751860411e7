package org.freelanceisland.community.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** How a consultation took place. */
public enum Channel {
    /** At the desk in the hub. */
    IN_PERSON(LocalizedText.of("窓口", "In person")),
    /** By phone. */
    PHONE(LocalizedText.of("電話", "Phone")),
    /** Online (video call, chat). */
    ONLINE(LocalizedText.of("オンライン", "Online")),
    /** By email. */
    EMAIL(LocalizedText.of("メール", "Email"));

    private final LocalizedText label;

    Channel(LocalizedText label) {
        this.label = label;
    }

    /**
     * The name for people.
     *
     * @return the label in Japanese and English
     */
    public LocalizedText label() {
        return label;
    }
}
