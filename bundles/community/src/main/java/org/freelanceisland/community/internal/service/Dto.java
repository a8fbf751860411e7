package org.freelanceisland.community.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;

import org.freelanceisland.community.internal.model.CaseStatus;
import org.freelanceisland.community.internal.model.Channel;
import org.freelanceisland.community.internal.model.ConsultationTopic;
import org.freelanceisland.community.internal.model.EventKind;
import org.freelanceisland.community.internal.model.EventStatus;
import org.freelanceisland.community.internal.model.MigrantPhase;
import org.freelanceisland.community.internal.model.Publication;
import org.freelanceisland.community.internal.model.QuestionType;
import org.freelanceisland.community.internal.model.RegistrationStatus;
import org.freelanceisland.community.internal.model.SurveyStatus;
import org.freelanceisland.community.internal.model.Visibility;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;

/** The shapes of the community REST API: request bodies (validated) and answers. */
public final class Dto {

    /** A code: lowercase letters, digits and hyphens. */
    public static final String CODE = "[a-z0-9][a-z0-9_-]{0,39}";

    private Dto() {
    }

    // ---- texts

    /** A short label in Japanese (required) and English (optional). */
    public record Text(@NotBlank @Size(max = 200) String ja, @Size(max = 200) String en) {
    }

    /** A question, Japanese required. */
    public record QuestionText(@NotBlank @Size(max = 500) String ja, @Size(max = 500) String en) {
    }

    /** A summary, both languages optional. */
    public record Summary(@Size(max = 500) String ja, @Size(max = 500) String en) {
    }

    /** A longer text, both languages optional. */
    public record LongText(@Size(max = 4000) String ja, @Size(max = 4000) String en) {
    }

    /** A story, both languages optional. */
    public record Story(@Size(max = 8000) String ja, @Size(max = 8000) String en) {
    }

    /** The body of a page, both languages optional. */
    public record Body(@Size(max = 20000) String ja, @Size(max = 20000) String en) {
    }

    // ---- events

    /**
     * A new event, or all fields of an event being edited ({@code version} guards against lost
     * updates). Times are the island's local times.
     */
    public record EventInput(
            @NotNull @Valid Text title,
            @Valid LongText description,
            @NotNull EventKind kind,
            @NotNull LocalDateTime startsAt,
            @NotNull LocalDateTime endsAt,
            @Size(max = 200) String place,
            @Size(max = 500) String onlineUrl,
            @Min(1) @Max(100_000) Integer capacity,
            Boolean waitlist,
            Visibility visibility,
            Long version) {
    }

    /** A person registers for an event. */
    public record RegisterInput(@NotBlank @Size(max = 100) String personId, @Size(max = 500) String note) {
    }

    /** Staff check a person in: a registered person, or a walk-in registered at the door. */
    public record CheckInInput(@NotBlank @Size(max = 100) String personId) {
    }

    /** The attendee checks in with the code of their registration. */
    public record CodeInput(@NotBlank @Size(max = 32) String code) {
    }

    /** Visitors counted at the door who did not register. */
    public record VisitorsInput(@NotNull @Min(0) @Max(1_000_000) Integer count) {
    }

    /** How many came and how many places are left. */
    public record AttendanceView(int registered, int waitlisted, int cancelled, int checkedIn, int unregisteredVisitors,
            int attendance, Integer placesLeft) {
    }

    /** An event as staff see it. */
    public record EventView(long id, LocalizedText title, LocalizedText description, EventKind kind, LocalizedText kindLabel,
            LocalDateTime startsAt, LocalDateTime endsAt, String place, String onlineUrl, Integer capacity, boolean waitlist,
            Visibility visibility, EventStatus status, int fiscalYear, AttendanceView attendance, Instant updatedAt,
            long version) {
    }

    /** A public event: what, when, where; no people. */
    public record PublicEventView(long id, LocalizedText title, LocalizedText description, EventKind kind,
            LocalizedText kindLabel, LocalDateTime startsAt, LocalDateTime endsAt, String place, String onlineUrl,
            EventStatus status, Integer placesLeft) {
    }

    /** A registration as staff see it, with the check-in code to hand to the person. */
    public record RegistrationView(long id, long eventId, String personId, String personName, RegistrationStatus status,
            Integer waitlistPosition, String checkInCode, boolean walkIn, Instant registeredAt, Instant cancelledAt,
            boolean checkedIn, Instant checkedInAt, String checkedInBy, String note) {
    }

    /** The answer to an attendee's check-in: nothing about the person, only that it worked. */
    public record SelfCheckInView(long eventId, LocalizedText event, Instant checkedInAt, boolean alreadyCheckedIn) {
    }

    /** Attendance of one kind of event in a fiscal year. */
    public record KindAttendance(EventKind kind, LocalizedText label, int events, int checkedIn, int unregisteredVisitors,
            int attendance) {
    }

    /** Attendance of a fiscal year's events, by kind. */
    public record AttendanceSummary(int fiscalYear, LocalizedText fiscalYearLabel, List<KindAttendance> byKind, int events,
            int attendance) {
    }

    // ---- consultations

    /** A consultation: a person (or nobody, for an anonymous visitor), the day, topic, channel, notes, follow-up. */
    public record ConsultationInput(
            @Size(min = 1, max = 100) String personId,
            @NotNull LocalDate heldOn,
            @NotNull ConsultationTopic topic,
            @NotNull Channel channel,
            @Size(max = 4000) String notes,
            LocalDate followUpOn,
            CaseStatus status,
            Long version) {
    }

    /** Closing a case, with an optional last note appended. */
    public record CloseInput(@Size(max = 1000) String note) {
    }

    /** A consultation; {@code notes} only when one case is read. */
    public record ConsultationView(long id, String personId, String personName, boolean anonymous, LocalDate heldOn,
            ConsultationTopic topic, LocalizedText topicLabel, Channel channel, LocalizedText channelLabel, String notes,
            LocalDate followUpOn, boolean followUpDue, CaseStatus status, String recordedBy, Instant createdAt,
            Instant updatedAt, long version) {
    }

    /** One cell of the counts: a month and a topic. */
    public record CountCell(String month, ConsultationTopic topic, int count) {
    }

    /** Consultations of a fiscal year by month and topic, without any personal detail. */
    public record ConsultationCounts(int fiscalYear, LocalizedText fiscalYearLabel, List<CountCell> cells,
            Map<ConsultationTopic, Integer> byTopic, Map<String, Integer> byMonth, Map<Channel, Integer> byChannel,
            int total) {
    }

    // ---- leaders

    /** A person begins leading a community or activity. */
    public record LeaderInput(@NotBlank @Size(max = 100) String personId,
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,59}", message = "must be a code of lowercase letters, digits and hyphens")
            String community,
            @NotNull @Valid Text communityName, @NotNull LocalDate since, @Size(max = 500) String note) {
    }

    /** The last day of a leadership. */
    public record EndInput(@NotNull LocalDate until) {
    }

    /** What may change on a leadership without touching the ledger: the names and the note. */
    public record LeaderUpdate(@NotNull @Valid Text communityName, @Size(max = 500) String note) {
    }

    /** A leadership. */
    public record LeaderView(long id, String personId, String personName, String community, LocalizedText communityName,
            LocalDate since, LocalDate until, boolean active, String note, long version) {
    }

    // ---- surveys

    /** An option of a choice question. */
    public record OptionInput(@NotBlank @Pattern(regexp = CODE, message = "must be a code of lowercase letters, digits, - and _") String code,
            @NotNull @Valid Text label) {
    }

    /** A question. */
    public record QuestionInput(
            @NotBlank @Pattern(regexp = CODE, message = "must be a code of lowercase letters, digits, - and _") String code,
            @NotNull QuestionType type, @NotNull @Valid QuestionText text, Boolean required,
            @Size(max = 30) @Valid List<@NotNull OptionInput> options) {
    }

    /**
     * When an answer counts as satisfied: the rating of {@code question} is at least {@code min}
     * (a rating question) or its option is one of {@code options} (a choice question).
     */
    public record SatisfactionRule(@NotBlank @Size(max = 40) String question, @Min(1) @Max(5) Integer min,
            @Size(max = 30) List<@NotBlank String> options) {
    }

    /** A survey (all fields; questions change only while it is a draft). */
    public record SurveyInput(
            @NotNull FiscalYear fiscalYear,
            @NotNull @Valid Text title,
            @Valid LongText description,
            Boolean anonymous,
            @NotNull @Size(min = 1, max = 50) @Valid List<@NotNull QuestionInput> questions,
            @Valid SatisfactionRule satisfiedWhen,
            LocalDate opensOn,
            LocalDate closesOn,
            Long version) {
    }

    /** One answer: a rating, an option code or a text, as the question asks. */
    public record AnswerItem(@NotBlank @Size(max = 40) String question, Integer rating, @Size(max = 40) String choice,
            @Size(max = 2000) String text) {
    }

    /** A response typed in by staff (from a paper form or an interview); a person for a named survey. */
    public record ResponseInput(@Size(min = 1, max = 100) String personId,
            @NotNull @Size(max = 50) @Valid List<@NotNull AnswerItem> answers) {
    }

    /** A response sent on the public form with a token. */
    public record FormInput(@NotNull @Size(max = 50) @Valid List<@NotNull AnswerItem> answers) {
    }

    /** Tokens to issue: a number of anonymous ones, or one per person for a named survey. */
    public record TokenRequest(@Min(1) @Max(2000) Integer count, @Size(max = 2000) List<@NotBlank @Size(max = 100) String> personIds) {
    }

    /** An option as shown. */
    public record OptionView(String code, LocalizedText label) {
    }

    /** A question as shown. */
    public record QuestionView(String code, QuestionType type, LocalizedText text, boolean required, List<OptionView> options) {
    }

    /** A survey as staff see it. */
    public record SurveyView(long id, int fiscalYear, LocalizedText fiscalYearLabel, LocalizedText title,
            LocalizedText description, boolean anonymous, SurveyStatus status, List<QuestionView> questions,
            SatisfactionRule satisfiedWhen, LocalDate opensOn, LocalDate closesOn, int responses, int tokensIssued,
            int tokensUsed, Instant updatedAt, long version) {
    }

    /** The public form of a survey: its questions, nothing about who answers. */
    public record FormView(long surveyId, LocalizedText title, LocalizedText description, boolean anonymous,
            List<QuestionView> questions) {
    }

    /** A token as issued: shown this once. */
    public record IssuedToken(String token, String personId) {
    }

    /** Tokens issued now. */
    public record IssuedTokens(long surveyId, int issued, List<IssuedToken> tokens) {
    }

    /** A recorded response (the answers stay in the survey's results). */
    public record ResponseView(long id, long surveyId, String personId, LocalDate answeredOn, boolean satisfied) {
    }

    /** The aggregate answers of one question; free text is counted, never shown here. */
    public record QuestionResult(String code, QuestionType type, LocalizedText text, int answered,
            Map<String, Integer> distribution, Double mean) {
    }

    /** A survey's results. */
    public record SurveyResults(long surveyId, int fiscalYear, LocalizedText title, boolean anonymous, int responses,
            int satisfied, Double satisfactionRate, List<QuestionResult> questions) {
    }

    /** The satisfaction of a fiscal year, over its surveys, against the plan's target. */
    public record SatisfactionView(int fiscalYear, LocalizedText fiscalYearLabel, int surveys, int responses, int satisfied,
            Double rate, double target, Boolean targetMet) {
    }

    // ---- role models

    /** A role model's profile. */
    public record RoleModelInput(
            @NotBlank @Size(max = 100) String personId,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull @Valid Text headline,
            @Valid Story story,
            @NotBlank @Size(max = 40) String workKind,
            @Valid LongText work,
            Long version) {
    }

    /** A profile as staff see it, with whether the person consents now and whether the public sees it. */
    public record RoleModelView(long id, String personId, String personName, String displayName, LocalizedText headline,
            LocalizedText story, String workKind, LocalizedText workKindLabel, LocalizedText work, Publication status,
            Boolean consentsNow, boolean publiclyVisible, boolean hasPhoto, Instant publishedAt, Instant updatedAt,
            long version) {
    }

    /** A profile as the public sees it: no person id, nothing from the registry. */
    public record PublicRoleModelView(long id, String displayName, LocalizedText headline, LocalizedText story,
            String workKind, LocalizedText workKindLabel, LocalizedText work, String photo, Instant publishedAt) {
    }

    /** A kind of work, for the public filter. */
    public record WorkKindView(String code, LocalizedText label, int roleModels) {
    }

    // ---- migrant pages

    /** A page for would-be migrants. */
    public record PageInput(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,79}", message = "must be lowercase letters, digits and hyphens")
            String slug,
            @NotNull MigrantPhase phase,
            @Min(0) @Max(10_000) Integer position,
            @NotNull @Valid Text title,
            @Valid Summary summary,
            @Valid Body body,
            Long version) {
    }

    /** A page as staff see it. */
    public record PageView(long id, String slug, MigrantPhase phase, LocalizedText phaseLabel, int position,
            LocalizedText title, LocalizedText summary, LocalizedText body, Publication status, Instant publishedAt,
            Instant updatedAt, long version) {
    }

    /** A published page; {@code body} only when one page is read. */
    public record PublicPageView(String slug, MigrantPhase phase, LocalizedText phaseLabel, int position,
            LocalizedText title, LocalizedText summary, LocalizedText body, Instant updatedAt) {
    }

    /** A phase with its published pages, for the public table of contents. */
    public record PhaseView(MigrantPhase phase, LocalizedText label, List<PublicPageView> pages) {
    }

    /** A code and its label, for the lists of choices. */
    public record Choice(String code, LocalizedText label) {
    }
}
