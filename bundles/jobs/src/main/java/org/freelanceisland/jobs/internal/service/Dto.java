package org.freelanceisland.jobs.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.validation.Valid;
import javax.validation.constraints.DecimalMax;
import javax.validation.constraints.DecimalMin;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;

import org.freelanceisland.jobs.internal.match.Reason;
import org.freelanceisland.jobs.internal.model.Channel;
import org.freelanceisland.jobs.internal.model.ContractStatus;
import org.freelanceisland.jobs.internal.model.EffortUnit;
import org.freelanceisland.jobs.internal.model.ExchangeStatus;
import org.freelanceisland.jobs.internal.model.IntroductionAction;
import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.model.JobStatus;
import org.freelanceisland.jobs.internal.model.ListingKind;
import org.freelanceisland.jobs.internal.model.PartnerKind;
import org.freelanceisland.jobs.internal.model.PayType;
import org.freelanceisland.jobs.internal.model.WorkMode;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.people.TimeWindow;

/** The shapes of the job brokering REST API: request bodies (validated) and answers. */
public final class Dto {

    /** The largest amount of money accepted, in yen. */
    public static final long MAX_YEN = 1_000_000_000L;

    private Dto() {
    }

    // ---- requests

    /** A short label in Japanese (required) and English (optional). */
    public record Text(@NotBlank @Size(max = 200) String ja, @Size(max = 200) String en) {
    }

    /** A partner, new or edited ({@code version} guards against lost updates). */
    public record PartnerInput(
            @NotBlank @Size(max = 200) String name,
            @NotNull PartnerKind kind,
            @Size(max = 200) String contactName,
            @Size(max = 200) @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an e-mail address") String contactEmail,
            @Size(max = 50) @Pattern(regexp = "[0-9+() -]*", message = "must be a phone number") String contactPhone,
            @Size(max = 2000) String agreement,
            LocalDate agreementFrom,
            LocalDate agreementUntil,
            @Min(0) @Max(100_000) Integer priorityQuota,
            @Size(max = 2000) String note,
            Boolean active,
            Long version) {
    }

    /** An effort estimate per unit of the volume, for example 3 days per article. */
    public record EffortInput(@NotNull @DecimalMin("0.1") @DecimalMax("10000") BigDecimal value, @NotNull EffortUnit unit) {
    }

    /** When and where the work is done. */
    public record ScheduleInput(
            LocalDate start,
            LocalDate deadline,
            @Size(max = 30) List<@NotNull LocalDate> fixedDates,
            @Size(max = 5) Set<@NotNull TimeWindow> windows,
            @NotNull WorkMode workMode,
            @Size(max = 200) String location) {
    }

    /** The pay of a job: fixed for the whole job, or per unit of the volume. */
    public record PayInput(@NotNull PayType type, @NotNull @Min(0) @Max(MAX_YEN) Long yen) {
    }

    /** A job, new or edited. */
    public record JobInput(
            @NotNull Long partnerId,
            @NotNull @Valid Text title,
            @Size(max = 4000) String description,
            @NotNull @Size(min = 1, max = 10) List<@NotBlank @Size(max = 40) String> skills,
            @NotNull @Min(1) @Max(100_000) Integer volume,
            @Valid Text unit,
            @NotNull @Valid EffortInput effort,
            @NotNull @Valid ScheduleInput schedule,
            @NotNull @Valid PayInput pay,
            Boolean priority,
            LocalDate receivedOn,
            Long version) {
    }

    /** Why something is closed, declined, rejected, withdrawn or cancelled. */
    public record ReasonInput(@Size(max = 1000) String reason) {
    }

    /** One member's share of a team's pay, in yen. */
    public record SplitInput(@NotBlank @Size(max = 100) String personId, @NotNull @Min(0) @Max(MAX_YEN) Long payYen) {
    }

    /**
     * Introduces a job: either to people one by one ({@code personIds}) or to a team
     * ({@code teamId}, with an optional split of the pay in yen that must add up to the pay offered;
     * without it the team's shares in percent are used).
     */
    public record IntroduceInput(
            @Size(min = 1, max = 50) List<@NotBlank @Size(max = 100) String> personIds,
            Long teamId,
            @Size(max = 20) @Valid List<@NotNull SplitInput> split,
            @Min(1) @Max(100_000) Integer units,
            @Size(max = 1000) String note) {
    }

    /** A freelancer's answer, as staff record it. */
    public record AnswerInput(Channel channel, @Size(max = 1000) String note) {
    }

    /** A freelancer declines, as staff record it. */
    public record DeclineInput(Channel channel, @Size(max = 1000) String reason) {
    }

    /** A freelancer's counter-proposal: what they would rather do (at least one field). */
    public record ProposalInput(
            Channel channel,
            @Size(max = 2000) String scope,
            @Min(1) @Max(100_000) Integer units,
            LocalDate dueDate,
            @Min(0) @Max(MAX_YEN) Long payYen,
            @Size(max = 1000) String note) {
    }

    /**
     * The written terms of a contract. Fields left out when making a contract are taken from the
     * agreed terms; fields still missing make the contract flagged.
     */
    public record TermsInput(
            @Size(max = 2000) String scope,
            @Min(1) @Max(100_000) Integer units,
            @Min(0) @Max(MAX_YEN) Long payYen,
            LocalDate dueDate,
            LocalDate paymentDueDate,
            LocalDate termsIssuedOn,
            Long version) {
    }

    /** A delivery. */
    public record DeliveryInput(@NotNull LocalDate deliveredOn, @Size(max = 1000) String note) {
    }

    /** A payment (the contract's pay when no amount is given). */
    public record PaymentInput(@NotNull LocalDate paidOn, @Min(0) @Max(MAX_YEN) Long amountYen) {
    }

    /** A team member. */
    public record MemberInput(@NotBlank @Size(max = 100) String personId, @NotBlank @Size(max = 100) String role,
            @NotNull @Min(0) @Max(100) Integer sharePercent) {
    }

    /** A team, new or edited; the members' shares add up to 100. */
    public record TeamInput(@NotBlank @Size(max = 200) String name, @Size(max = 1000) String note,
            @NotNull @Size(min = 2, max = 20) @Valid List<@NotNull MemberInput> members, Boolean active, Long version) {
    }

    /** A skill offered or requested. */
    public record ListingInput(@NotBlank @Size(max = 100) String personId, @NotNull ListingKind kind,
            @NotBlank @Size(max = 40) String skill, @Size(max = 1000) String note) {
    }

    /**
     * An exchange agreed between two freelancers: from an offer and a request
     * ({@code offerId}, {@code requestId}), or directly ({@code providerId}, {@code receiverId},
     * {@code skill}).
     */
    public record ExchangeInput(Long offerId, Long requestId, @Size(max = 100) String providerId,
            @Size(max = 100) String receiverId, @Size(max = 40) String skill, @Size(max = 1000) String note) {
    }

    /** An exchange took place. */
    public record CompleteInput(LocalDate completedOn, @Size(max = 1000) String note) {
    }

    // ---- answers

    /** A skill code or tag with its label. */
    public record SkillView(String code, LocalizedText label, boolean curated) {
    }

    /** A partner. {@code priorityUsed} counts this fiscal year's priority jobs. */
    public record PartnerView(long id, String name, PartnerKind kind, LocalizedText kindLabel, String contactName,
            String contactEmail, String contactPhone, String agreement, LocalDate agreementFrom, LocalDate agreementUntil,
            Integer priorityQuota, int priorityUsed, int fiscalYear, String note, boolean active, long jobs, long version,
            Instant createdAt, Instant updatedAt) {
    }

    /** An effort estimate. */
    public record EffortView(BigDecimal value, EffortUnit unit, double hoursPerUnit, double totalHours) {
    }

    /** When and where. */
    public record ScheduleView(LocalDate start, LocalDate deadline, List<LocalDate> fixedDates, Set<TimeWindow> windows,
            WorkMode workMode, LocalizedText workModeLabel, String location) {
    }

    /** The pay: the amount as given and the whole job's pay. */
    public record PayView(PayType type, LocalizedText typeLabel, long yen, long totalYen) {
    }

    /** A job. */
    public record JobView(long id, long partnerId, String partnerName, LocalizedText title, String description,
            List<SkillView> skills, int volume, LocalizedText unit, EffortView effort, ScheduleView schedule, PayView pay,
            boolean priority, LocalDate receivedOn, int fiscalYear, JobStatus status, LocalizedText statusLabel,
            String closedReason, long introductions, long contracts, long version, String createdBy, Instant createdAt,
            Instant updatedAt) {
    }

    /** The parts of a score. */
    public record ScoreParts(int skills, int availability, int lifestyle, int load, int results) {
    }

    /** The introduction a candidate already has for the job, if any. */
    public record IntroductionRef(long id, IntroductionStatus status, LocalizedText statusLabel) {
    }

    /** A ranked candidate for a job, with the reasons of the score. */
    public record CandidateView(int rank, String personId, String name, String district, int score, ScoreParts parts,
            List<Reason> reasons, int activeJobs, int pastDeliveries, IntroductionRef introduction) {
    }

    /** A job ranked for a freelancer, with the reasons of the score. */
    public record JobMatchView(int rank, long jobId, LocalizedText title, String partnerName, JobStatus status,
            WorkMode workMode, LocalDate deadline, long totalPayYen, int score, ScoreParts parts, List<Reason> reasons,
            IntroductionRef introduction) {
    }

    /** Terms: what is to be done, by when, for how much. */
    public record TermsView(String scope, Integer units, Long payYen, LocalDate dueDate) {
    }

    /** One step of an introduction's history. */
    public record EventView(IntroductionAction action, LocalizedText actionLabel, IntroductionStatus from,
            IntroductionStatus to, Instant at, String recordedBy, Channel channel, String reason, TermsView terms) {
    }

    /** An introduction, with its history when asked for one introduction. */
    public record IntroductionView(long id, long jobId, LocalizedText jobTitle, String personId, String personName,
            Long teamId, String role, IntroductionStatus status, LocalizedText statusLabel,
            Set<IntroductionAction> allowedActions, TermsView offered, TermsView proposed, TermsView agreed, String note,
            Long contractId, String createdBy, Instant createdAt, Instant updatedAt, long version, List<EventView> history) {
    }

    /** A Freelance Act finding on a contract. */
    public record FlagView(String code, String severity, LocalizedText text) {
    }

    /** A contract, with its Freelance Act findings. */
    public record ContractView(long id, long jobId, LocalizedText jobTitle, long introductionId, String personId,
            String personName, Long teamId, String role, String scope, Integer units, Long payYen, LocalDate dueDate,
            LocalDate paymentDueDate, LocalDate termsIssuedOn, ContractStatus status, LocalizedText statusLabel,
            LocalDate deliveredOn, String deliveryNote, LocalDate paymentDeadline, LocalDate paidOn, Long paidAmountYen,
            Integer paidFiscalYear, String cancelledReason, List<FlagView> flags, String createdBy, Instant createdAt,
            Instant updatedAt, long version) {
    }

    /** A freelancer's earnings in one fiscal year, beside what they reported themselves. */
    public record EarningsView(String personId, String name, int fiscalYear, LocalizedText fiscalYearLabel, long paidYen,
            int contracts, Long selfReportedYen) {
    }

    /** A freelancer's earnings year by year. */
    public record PersonEarningsView(String personId, String name, long totalPaidYen, List<EarningsView> years) {
    }

    /** A team member. */
    public record MemberView(String personId, String name, String role, int sharePercent) {
    }

    /** A team. */
    public record TeamView(long id, String name, String note, boolean active, List<MemberView> members, long version,
            Instant createdAt, Instant updatedAt) {
    }

    /** A skill-share listing. */
    public record ListingView(long id, String personId, String personName, ListingKind kind, String skill,
            LocalizedText skillLabel, String note, boolean active, Instant createdAt, Instant closedAt) {
    }

    /** An offer and a request of the same skill by two different people. */
    public record MatchView(String skill, LocalizedText skillLabel, ListingView offer, ListingView request) {
    }

    /** A skill-share exchange. */
    public record ExchangeView(long id, Long offerId, Long requestId, String providerId, String providerName,
            String receiverId, String receiverName, String skill, LocalizedText skillLabel, ExchangeStatus status,
            String note, LocalDate completedOn, String cancelledReason, String createdBy, Instant createdAt,
            Instant updatedAt, long version) {
    }
}
