package org.freelanceisland.jobs.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** What kind of organisation sends work. */
public enum PartnerKind {
    /** A crowdsourcing marketplace. */
    CROWDSOURCING(LocalizedText.of("クラウドソーシング", "Crowdsourcing marketplace")),
    /** A stock-photo marketplace. */
    STOCK_PHOTO(LocalizedText.of("ストックフォト", "Stock-photo marketplace")),
    /** A handmade marketplace. */
    HANDMADE_MARKET(LocalizedText.of("ハンドメイドマーケット", "Handmade marketplace")),
    /** An online-learning service. */
    ONLINE_LEARNING(LocalizedText.of("オンライン学習サービス", "Online-learning service")),
    /** A company ordering work directly. */
    COMPANY(LocalizedText.of("企業", "Company")),
    /** A public body (the city, a prefecture, an association). */
    PUBLIC_BODY(LocalizedText.of("行政・団体", "Public body")),
    /** Anything else. */
    OTHER(LocalizedText.of("その他", "Other"));

    private final LocalizedText label;

    PartnerKind(LocalizedText label) {
        this.label = label;
    }

    /** @return the label in Japanese and English */
    public LocalizedText label() {
        return label;
    }
}
