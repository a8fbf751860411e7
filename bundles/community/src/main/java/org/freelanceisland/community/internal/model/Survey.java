package org.freelanceisland.community.internal.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ConstraintMode;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.ForeignKey;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A satisfaction survey of one fiscal year: its questions, whether it is anonymous by design, and
 * the rule that says when an answer counts as satisfied. Its row is locked while an answer is
 * taken, so that the same person cannot answer twice at the same moment.
 */
@Entity
@Table(name = "community_survey", indexes = @Index(name = "community_survey_year_idx", columnList = "fiscal_year"))
public class Survey {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "community_survey_seq")
    @TableGenerator(name = "community_survey_seq", table = "community_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "survey", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "title_ja", length = 200, nullable = false)
    private String titleJa;

    @Column(name = "title_en", length = 200)
    private String titleEn;

    @Column(name = "description_ja", length = 4000)
    private String descriptionJa;

    @Column(name = "description_en", length = 4000)
    private String descriptionEn;

    @Column(name = "anonymous", nullable = false)
    private boolean anonymous;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private SurveyStatus status = SurveyStatus.DRAFT;

    // no database foreign keys: EclipseLink's create-or-extend-tables would try to add them again
    // on every start; the rows are written and removed only with their survey
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "community_survey_question", joinColumns = @JoinColumn(name = "survey_id"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    @OrderColumn(name = "position")
    private List<SurveyQuestion> questions = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "community_survey_option", joinColumns = @JoinColumn(name = "survey_id"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    @OrderColumn(name = "position")
    private List<ChoiceOption> options = new ArrayList<>();

    /** The question whose answer decides "satisfied". */
    @Column(name = "satisfied_question", length = 40)
    private String satisfiedQuestion;

    /** For a rating question: the lowest rating that counts as satisfied. */
    @Column(name = "satisfied_min")
    private Integer satisfiedMin;

    /** For a choice question: the option codes that count as satisfied, comma separated. */
    @Column(name = "satisfied_options", length = 500)
    private String satisfiedOptions;

    @Column(name = "opens_on")
    private LocalDate opensOn;

    @Column(name = "closes_on")
    private LocalDate closesOn;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected Survey() {
    }

    /**
     * Creates a survey (a draft).
     *
     * @param now now (UTC)
     */
    public Survey(LocalDateTime now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * The editable details of a survey, checked by the caller.
     *
     * @param fiscalYear the fiscal year
     * @param titleJa title in Japanese
     * @param titleEn title in English or {@code null}
     * @param descriptionJa description in Japanese or {@code null}
     * @param descriptionEn description in English or {@code null}
     * @param anonymous whether answers are anonymous by design
     * @param questions the questions in order
     * @param options the options of the choice questions
     * @param satisfiedQuestion the code of the question that decides satisfaction
     * @param satisfiedMin the lowest rating that counts, for a rating question
     * @param satisfiedOptions the options that count, for a choice question
     * @param opensOn first day of answers or {@code null}
     * @param closesOn last day of answers or {@code null}
     */
    public record Details(int fiscalYear, String titleJa, String titleEn, String descriptionJa, String descriptionEn,
            boolean anonymous, List<SurveyQuestion> questions, List<ChoiceOption> options, String satisfiedQuestion,
            Integer satisfiedMin, List<String> satisfiedOptions, LocalDate opensOn, LocalDate closesOn) {
    }

    /**
     * Sets everything staff may edit while the survey is a draft.
     *
     * @param d the details
     * @param now now (UTC)
     */
    public void update(Details d, LocalDateTime now) {
        fiscalYear = d.fiscalYear();
        titleJa = d.titleJa();
        titleEn = d.titleEn();
        descriptionJa = d.descriptionJa();
        descriptionEn = d.descriptionEn();
        anonymous = d.anonymous();
        questions.clear();
        questions.addAll(d.questions());
        options.clear();
        options.addAll(d.options());
        satisfiedQuestion = d.satisfiedQuestion();
        satisfiedMin = d.satisfiedMin();
        satisfiedOptions = d.satisfiedOptions() == null || d.satisfiedOptions().isEmpty() ? null
                : String.join(",", d.satisfiedOptions());
        opensOn = d.opensOn();
        closesOn = d.closesOn();
        updatedAt = now;
    }

    /**
     * Moves the survey on in its life.
     *
     * @param to the new status
     * @param now now (UTC)
     */
    public void status(SurveyStatus to, LocalDateTime now) {
        status = to;
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public String titleJa() {
        return titleJa;
    }

    public String titleEn() {
        return titleEn;
    }

    public String descriptionJa() {
        return descriptionJa;
    }

    public String descriptionEn() {
        return descriptionEn;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public SurveyStatus status() {
        return status;
    }

    public List<SurveyQuestion> questions() {
        return List.copyOf(questions);
    }

    public List<ChoiceOption> options() {
        return List.copyOf(options);
    }

    public String satisfiedQuestion() {
        return satisfiedQuestion;
    }

    public Integer satisfiedMin() {
        return satisfiedMin;
    }

    public List<String> satisfiedOptions() {
        return satisfiedOptions == null ? List.of() : Arrays.asList(satisfiedOptions.split(","));
    }

    public LocalDate opensOn() {
        return opensOn;
    }

    public LocalDate closesOn() {
        return closesOn;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }
}
