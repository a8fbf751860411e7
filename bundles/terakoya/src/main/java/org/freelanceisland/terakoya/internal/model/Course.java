package org.freelanceisland.terakoya.internal.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.ConstraintMode;
import javax.persistence.Column;
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
 * A course of one fiscal year. Its row is the lock that serialises enrolment: every change to who
 * holds a seat first locks the course row ({@code SELECT ... FOR UPDATE}, which does not change the
 * row or its version).
 */
@Entity
@Table(name = "terakoya_course", indexes = @Index(name = "terakoya_course_year_idx", columnList = "fiscal_year"))
public class Course {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "terakoya_course_seq")
    @TableGenerator(name = "terakoya_course_seq", table = "terakoya_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "course", allocationSize = 10)
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

    @Column(name = "category", length = 40, nullable = false)
    private String category;

    // no database foreign key: EclipseLink's create-or-extend-tables would try to add it again on
    // every start and log a failure; the rows are written and removed only with their course
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "terakoya_course_instructor", joinColumns = @JoinColumn(name = "course_id"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    @OrderColumn(name = "position")
    private List<Instructor> instructors = new ArrayList<>();

    @Column(name = "capacity", nullable = false)
    private int capacity;

    @Enumerated(EnumType.STRING)
    @Column(name = "format", length = 10, nullable = false)
    private CourseFormat format;

    @Column(name = "location", length = 200)
    private String location;

    @Column(name = "application_opens", nullable = false)
    private LocalDate applicationOpens;

    @Column(name = "application_closes", nullable = false)
    private LocalDate applicationCloses;

    @Enumerated(EnumType.STRING)
    @Column(name = "completion_rule", length = 30, nullable = false)
    private CompletionRule completionRule;

    @Column(name = "min_sessions")
    private Integer minSessions;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected Course() {
    }

    /**
     * Creates a course.
     *
     * @param fiscalYear the fiscal year (start year)
     * @param now the time of creation (UTC)
     */
    public Course(int fiscalYear, LocalDateTime now) {
        this.fiscalYear = fiscalYear;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Sets everything staff may edit.
     *
     * @param d the details
     * @param now the time of the change (UTC)
     */
    public void update(Details d, LocalDateTime now) {
        this.fiscalYear = d.fiscalYear();
        this.titleJa = d.titleJa();
        this.titleEn = d.titleEn();
        this.descriptionJa = d.descriptionJa();
        this.descriptionEn = d.descriptionEn();
        this.category = d.category();
        this.instructors.clear();
        this.instructors.addAll(d.instructors());
        this.capacity = d.capacity();
        this.format = d.format();
        this.location = d.location();
        this.applicationOpens = d.applicationOpens();
        this.applicationCloses = d.applicationCloses();
        this.completionRule = d.completionRule();
        this.minSessions = d.completionRule().usesAttendance() ? d.minSessions() : null;
        this.updatedAt = now;
    }

    /**
     * The editable details of a course, checked by the caller.
     *
     * @param fiscalYear fiscal year
     * @param titleJa title in Japanese
     * @param titleEn title in English, or {@code null}
     * @param descriptionJa description in Japanese, or {@code null}
     * @param descriptionEn description in English, or {@code null}
     * @param category skill code
     * @param instructors instructors
     * @param capacity seats
     * @param format format
     * @param location location, or {@code null}
     * @param applicationOpens first day of applications
     * @param applicationCloses last day of applications
     * @param completionRule the completion rule
     * @param minSessions sessions to attend, for the rules that count them
     */
    public record Details(int fiscalYear, String titleJa, String titleEn, String descriptionJa, String descriptionEn,
            String category, List<Instructor> instructors, int capacity, CourseFormat format, String location,
            LocalDate applicationOpens, LocalDate applicationCloses, CompletionRule completionRule,
            Integer minSessions) {
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

    public String category() {
        return category;
    }

    public List<Instructor> instructors() {
        return List.copyOf(instructors);
    }

    public int capacity() {
        return capacity;
    }

    public CourseFormat format() {
        return format;
    }

    public String location() {
        return location;
    }

    public LocalDate applicationOpens() {
        return applicationOpens;
    }

    public LocalDate applicationCloses() {
        return applicationCloses;
    }

    public CompletionRule completionRule() {
        return completionRule;
    }

    public Integer minSessions() {
        return minSessions;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }
}
