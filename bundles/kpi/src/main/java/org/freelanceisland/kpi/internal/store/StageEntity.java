package org.freelanceisland.kpi.internal.store;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A stage of the plan, as seeded from the plan document. */
@Entity
@Table(name = "kpi_stage")
public class StageEntity {

    @Id
    @Column(name = "stage_number")
    private int number;

    @Column(name = "from_year", nullable = false)
    private int fromYear;

    @Column(name = "to_year", nullable = false)
    private int toYear;

    @Column(name = "title_ja", length = 200, nullable = false)
    private String titleJa;

    @Column(name = "title_en", length = 200, nullable = false)
    private String titleEn;

    @Column(name = "theme_ja", length = 1000, nullable = false)
    private String themeJa;

    @Column(name = "theme_en", length = 1000, nullable = false)
    private String themeEn;

    /** For JPA. */
    protected StageEntity() {
    }

    StageEntity(int number) {
        this.number = number;
    }

    void update(int fromYear, int toYear, String titleJa, String titleEn, String themeJa, String themeEn) {
        this.fromYear = fromYear;
        this.toYear = toYear;
        this.titleJa = titleJa;
        this.titleEn = titleEn;
        this.themeJa = themeJa;
        this.themeEn = themeEn;
    }

    /** @return the stage number */
    public int number() {
        return number;
    }

    /** @return the first fiscal year */
    public int fromYear() {
        return fromYear;
    }

    /** @return the last fiscal year */
    public int toYear() {
        return toYear;
    }

    /** @return the title in Japanese */
    public String titleJa() {
        return titleJa;
    }

    /** @return the title in English */
    public String titleEn() {
        return titleEn;
    }

    /** @return the theme in Japanese */
    public String themeJa() {
        return themeJa;
    }

    /** @return the theme in English */
    public String themeEn() {
        return themeEn;
    }
}
