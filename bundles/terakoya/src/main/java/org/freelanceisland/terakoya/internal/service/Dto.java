package org.freelanceisland.terakoya.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.terakoya.internal.model.AttendanceStatus;
import org.freelanceisland.terakoya.internal.model.CompletionRule;
import org.freelanceisland.terakoya.internal.model.CourseFormat;
import org.freelanceisland.terakoya.internal.model.EnrolmentStatus;

/** The shapes of the Terakoya REST API: request bodies (validated) and answers. */
public final class Dto {

    private Dto() {
    }

    // ---- requests

    /** A short label in Japanese (required) and English (optional). */
    public record Text(@NotBlank @Size(max = 200) String ja, @Size(max = 200) String en) {
    }

    /** A longer text, both languages optional. */
    public record LongText(@Size(max = 4000) String ja, @Size(max = 4000) String en) {
    }

    /** An instructor: exactly one of a person id and a partner organisation's name. */
    public record InstructorInput(@Size(min = 1, max = 100) String personId, @Size(min = 1, max = 200) String organisation) {
    }

    /** How a course is completed. */
    public record CompletionInput(@NotNull CompletionRule rule, @Min(1) @Max(500) Integer minSessions) {
    }

    /** A new course, or all fields of a course being edited ({@code version} guards against lost updates). */
    public record CourseInput(
            @NotNull FiscalYear fiscalYear,
            @NotNull @Valid Text title,
            @Valid LongText description,
            @NotBlank @Size(max = 40) String category,
            @Size(max = 10) @Valid List<@NotNull InstructorInput> instructors,
            @NotNull @Min(1) @Max(1000) Integer capacity,
            @NotNull CourseFormat format,
            @Size(max = 200) String location,
            @NotNull LocalDate applicationOpens,
            @NotNull LocalDate applicationCloses,
            @NotNull @Valid CompletionInput completion,
            Long version) {
    }

    /** A session of a course. */
    public record SessionInput(@NotNull LocalDate date, @NotNull LocalTime startsAt, @NotNull LocalTime endsAt,
            @Valid Text topic, @Size(max = 200) String location) {
    }

    /** A person applies to a course. */
    public record ApplyInput(@NotBlank @Size(max = 100) String personId, @Size(max = 500) String note) {
    }

    /** Why an application is declined or withdrawn. */
    public record ReasonInput(@Size(max = 500) String reason) {
    }

    /** Whether the final assignment was submitted (and when; today when left out). */
    public record AssignmentInput(@NotNull Boolean submitted, LocalDate submittedOn) {
    }

    /** One line of a roll. */
    public record RollEntry(@NotBlank @Size(max = 100) String personId, @NotNull AttendanceStatus status,
            @Size(max = 200) String note) {
    }

    /**
     * A session's roll as staff type it from paper: the people listed, and with
     * {@code othersAbsent} every other participant marked absent.
     */
    public record RollInput(@NotNull @Size(max = 1000) @Valid List<@NotNull RollEntry> entries, Boolean othersAbsent) {
    }

    /** A partner's yearly pool of online-learning seats. */
    public record PoolInput(@NotNull FiscalYear fiscalYear, @NotBlank @Size(max = 200) String partner,
            @Size(max = 200) String serviceName, @NotNull @Min(1) @Max(100_000) Integer seats, @Size(max = 500) String note) {
    }

    /** What may change on a pool. */
    public record PoolUpdate(@Size(max = 200) String serviceName, @NotNull @Min(1) @Max(100_000) Integer seats,
            @Size(max = 500) String note) {
    }

    /** A seat for a person. */
    public record AllocateInput(@NotBlank @Size(max = 100) String personId, @Size(max = 500) String note) {
    }

    /** Use of a seat on one day. */
    public record UsageInput(@NotNull LocalDate usedOn, @NotNull @Min(1) @Max(1440) Integer minutes,
            @Size(max = 200) String note) {
    }

    // ---- answers

    /** An instructor as shown: the person's name when the registry knows it. */
    public record InstructorView(String personId, String organisation, String name) {
    }

    /** The completion rule of a course and how many sessions it has (N of M). */
    public record CompletionView(CompletionRule rule, Integer minSessions, int sessions) {
    }

    /** Seats of a course: held = applied + accepted, never more than the capacity. */
    public record SeatsView(int capacity, int applied, int accepted, int waitlisted, int free) {
    }

    /** A course. */
    public record CourseView(long id, int fiscalYear, LocalizedText fiscalYearLabel, LocalizedText title,
            LocalizedText description, String category, LocalizedText categoryLabel, List<InstructorView> instructors,
            CourseFormat format, String location, LocalDate applicationOpens, LocalDate applicationCloses,
            boolean applicationOpen, CompletionView completion, SeatsView seats, int graduates, long version,
            Instant createdAt, Instant updatedAt) {
    }

    /** A session. */
    public record SessionView(long id, long courseId, int number, LocalDate date, LocalTime startsAt, LocalTime endsAt,
            LocalizedText topic, String location) {
    }

    /** An application and what became of it. {@code waitlistPosition} is 1 for the first in line. */
    public record EnrolmentView(long id, long courseId, String personId, String personName, EnrolmentStatus status,
            Integer waitlistPosition, Instant appliedAt, Instant seatSince, Instant acceptedAt, Instant closedAt,
            String closedReason, LocalDate assignmentSubmittedOn, boolean completed, Instant completedAt, String note,
            long version) {
    }

    /** One participant's line of the attendance grid: a status (or nothing yet) per session number. */
    public record AttendanceRow(long enrolmentId, String personId, String personName,
            Map<Integer, AttendanceStatus> sessions, int attended, boolean assignmentSubmitted, boolean meetsRule,
            boolean completed) {
    }

    /** The attendance grid of a course: its sessions and a row per accepted participant. */
    public record AttendanceGrid(long courseId, CompletionView completion, List<SessionView> sessions,
            List<AttendanceRow> rows) {
    }

    /** A participant's attendance at one session. */
    public record AttendanceView(long sessionId, int sessionNumber, long enrolmentId, String personId,
            AttendanceStatus status, String note, String recordedBy, Instant recordedAt) {
    }

    /** The result of recording a roll or importing a file. */
    public record RecordedAttendance(int recorded, List<AttendanceView> items) {
    }

    /** A graduate: a person who completed a course. */
    public record GraduateView(long enrolmentId, long courseId, int fiscalYear, LocalizedText courseTitle,
            String category, String personId, String personName, Instant completedAt, String certificateNumber) {
    }

    /** The result of confirming completion: who graduated now and everyone who has graduated. */
    public record CompletionResult(long courseId, int newlyCompleted, List<GraduateView> graduates) {
    }

    /** A pool of online seats and how many are taken. */
    public record PoolView(long id, int fiscalYear, LocalizedText fiscalYearLabel, String partner, String serviceName,
            int seats, int allocated, int free, String note) {
    }

    /** A seat allocated to a person, with its use so far. */
    public record AllocationView(long id, long poolId, String personId, String personName, Instant allocatedAt,
            Instant releasedAt, boolean active, int usageDays, int usageMinutes, LocalDate lastUsedOn, String note) {
    }

    /** One day's use of a seat. */
    public record UsageView(long id, long allocationId, LocalDate usedOn, int minutes, String note, String recordedBy,
            Instant recordedAt) {
    }

    /** A skill a course can teach. */
    public record CategoryView(String code, LocalizedText label) {
    }
}
