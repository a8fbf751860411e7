package org.freelanceisland.platform.api;

/**
 * The six environments the plan wants on the island. Every program serves one or more of them.
 */
public enum Pillar {
    /** Somewhere to work: coworking space and the support hub. */
    WORK_PLACE(LocalizedText.of("働く場所", "Work place")),
    /** Somewhere to learn: courses and online learning seats. */
    SKILL_UP(LocalizedText.of("スキルアップ", "Skill up")),
    /** Peers to connect with: cafe, exchange events, community. */
    NETWORK(LocalizedText.of("ネットワーク", "Network")),
    /** A desk for consultation and follow-up. */
    HELP(LocalizedText.of("相談・支援", "Help")),
    /** Chances to get work and earn. */
    MONETIZE(LocalizedText.of("収益化", "Monetize")),
    /** High satisfaction with life on the island. */
    LIFE(LocalizedText.of("暮らし", "Life"));

    private final LocalizedText label;

    Pillar(LocalizedText label) {
        this.label = label;
    }

    /**
     * The pillar's name for people.
     *
     * @return the label in Japanese and English
     */
    public LocalizedText label() {
        return label;
    }
}
