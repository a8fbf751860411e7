package org.freelanceisland.contest.internal.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Pattern;
import javax.validation.constraints.Size;

import org.freelanceisland.contest.internal.model.AwardBasis;
import org.freelanceisland.contest.internal.model.EntryStatus;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;

/** The shapes of the contest program's REST API: request bodies (validated) and answers. */
public final class Dto {

    /** The shape of codes (categories, criteria, awards). */
    public static final String CODE = "[A-Za-z][A-Za-z0-9_-]{0,39}";

    private Dto() {
    }

    // ---- requests

    /** A short label in Japanese (required) and English (optional). */
    public record Text(@NotBlank @Size(max = 200) String ja, @Size(max = 200) String en) {
    }

    /** A longer text, both languages optional. */
    public record LongText(@Size(max = 4000) String ja, @Size(max = 4000) String en) {
    }

    /** A window: from {@code opens} (inclusive) to {@code closes} (exclusive). */
    public record WindowInput(@NotNull Instant opens, @NotNull Instant closes) {
    }

    /** A category of works. */
    public record CategoryInput(@NotBlank @Pattern(regexp = CODE) String code, @NotNull @Valid Text label) {
    }

    /** A criterion of the rubric. */
    public record CriterionInput(@NotBlank @Pattern(regexp = CODE) String code, @NotNull @Valid Text label,
            @NotNull @Min(1) @Max(100) Integer weight) {
    }

    /** The rubric: the scale of every criterion (1 to {@code scale}) and the weighted criteria. */
    public record RubricInput(@NotNull @Min(3) @Max(100) Integer scale,
            @NotNull @Size(min = 1, max = 20) @Valid List<@NotNull CriterionInput> criteria) {
    }

    /** An award; {@code rank} is the place in the jury's or audience's ranking it goes to (1 when left out). */
    public record AwardInput(@NotBlank @Pattern(regexp = CODE) String code, @NotNull @Valid Text label,
            @NotNull AwardBasis basis, @Min(1) @Max(100) Integer rank) {
    }

    /** A new contest, or all fields of one being edited ({@code version} guards against lost updates). */
    public record ContestInput(
            @NotNull FiscalYear fiscalYear,
            @Min(1) @Max(1000) Integer edition,
            @NotNull @Valid Text title,
            @Valid LongText description,
            @NotNull @Valid WindowInput entryWindow,
            @NotNull @Valid WindowInput judgingWindow,
            @NotNull @Valid WindowInput votingWindow,
            @NotNull @Size(min = 1, max = 30) @Valid List<@NotNull CategoryInput> categories,
            @Size(max = 20) @Valid List<@NotNull AwardInput> awards,
            @NotNull @Valid RubricInput rubric,
            Long version) {
    }

    /** A work entered by a maker. {@code priceYen} when the work is for sale. */
    public record EntryInput(
            @NotBlank @Size(max = 100) String makerId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotBlank @Size(max = 40) String category,
            @Size(max = 500) String materials,
            @Size(max = 500) String technique,
            @Min(0) @Max(100_000_000) Long priceYen,
            Long version) {
    }

    /** Why an entry is withdrawn or a batch voided. */
    public record ReasonInput(@Size(max = 500) String reason) {
    }

    /** A juror assigned to a contest: the name of an account with the role juror. */
    public record JurorInput(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}") String account,
            @Size(max = 200) String displayName) {
    }

    /** The makers a juror knows (conflict of interest), by person id. */
    public record ConflictsInput(@NotNull @Size(max = 500) List<@NotBlank @Size(max = 100) String> personIds) {
    }

    /** A juror's score of an entry: a value for each criterion of the rubric. */
    public record ScoreInput(@NotNull Map<@NotBlank String, @NotNull Integer> values, @Size(max = 2000) String comment) {
    }

    /** A batch of ticket codes to generate. */
    public record BatchInput(@NotNull @Min(1) @Max(2000) Integer count, @Size(max = 200) String label) {
    }

    /** A visitor's vote: the code on the ticket and the number of the work. */
    public record VoteInput(@NotBlank @Size(max = 40) String code, @NotNull @Min(1) @Max(100_000) Integer entryNumber) {
    }

    /** The entry a designated award goes to. */
    public record DesignationInput(@NotNull @Min(1) @Max(100_000) Integer entryNumber) {
    }

    /** A market, or all fields of one being edited. */
    public record MarketInput(@NotNull @Valid Text name, @NotBlank @Size(max = 200) String venue, @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn, Long contestId, @Size(max = 2000) String note, Long version) {
    }

    /** An exhibitor at a market. */
    public record ExhibitorInput(@NotBlank @Size(max = 100) String personId, @Size(max = 40) String booth) {
    }

    /** Sales an exhibitor reported (yen). */
    public record SalesInput(@NotNull @Min(0) @Max(1_000_000_000) Long salesYen) {
    }

    /** One count: visitors on a day, in one hour (0-23) or, without an hour, in the whole day. */
    public record VisitorLine(@NotNull LocalDate date, @Min(0) @Max(23) Integer hour, @NotNull @Min(0) @Max(1_000_000) Integer visitors) {
    }

    /** Counts to record (each replaces the earlier count of the same day and hour). */
    public record VisitorsInput(@NotNull @Size(min = 1, max = 500) @Valid List<@NotNull VisitorLine> counts) {
    }

    // ---- answers

    /** A window and where it stands now ({@code BEFORE}, {@code OPEN}, {@code CLOSED}). */
    public record WindowView(Instant opens, Instant closes, String phase) {
    }

    /** A category. */
    public record CategoryView(String code, LocalizedText label) {
    }

    /** A criterion. */
    public record CriterionView(String code, LocalizedText label, int weight) {
    }

    /** The rubric. */
    public record RubricView(int scale, List<CriterionView> criteria) {
    }

    /** An award. */
    public record AwardView(String code, LocalizedText label, AwardBasis basis, int rank) {
    }

    /** A contest. */
    public record ContestView(long id, FiscalYear fiscalYear, LocalizedText fiscalYearLabel, Integer edition, LocalizedText title,
            LongText description, WindowView entryWindow, WindowView judgingWindow, WindowView votingWindow,
            List<CategoryView> categories, List<AwardView> awards, RubricView rubric, int entries, boolean published,
            Instant publishedAt, long version) {
    }

    /** A photo of an entry. */
    public record PhotoView(long id, int position, String contentType, long byteSize, int width, int height, String fileName,
            String url, String thumbnailUrl) {
    }

    /** An entry as staff see it. */
    public record EntryView(long id, long contestId, int number, String makerId, String makerName, String title,
            String description, String category, LocalizedText categoryLabel, String materials, String technique,
            boolean forSale, Long priceYen, EntryStatus status, String withdrawnReason, Instant submittedAt,
            List<PhotoView> photos, long version) {
    }

    /** A juror of a contest with their progress (how many entries they scored of those they may score). */
    public record JurorView(String account, String displayName, List<String> conflicts, int scored, int toScore) {
    }

    /** A maker of a contest, for jurors declaring conflicts of interest. */
    public record MakerView(String personId, String name, boolean declared) {
    }

    /** A juror's own score. */
    public record ScoreView(long entryId, int entryNumber, Map<String, Integer> values, BigDecimal weighted, String comment,
            int revision, Instant updatedAt) {
    }

    /** An entry as a juror judges it: the work without its maker (judging is blind), and the juror's own score. */
    public record JudgingEntryView(long id, int number, String title, String description, LocalizedText categoryLabel,
            String materials, String technique, Long priceYen, List<PhotoView> photos, ScoreView myScore) {
    }

    /** What a juror sees of a contest: the rubric, the judging window and the entries to score. */
    public record JudgingView(long contestId, LocalizedText title, WindowView judgingWindow, RubricView rubric,
            List<JudgingEntryView> entries, int scored, int toScore, List<Integer> conflictedEntries) {
    }

    /** A batch of ticket codes. */
    public record BatchView(long id, long contestId, String label, int size, long used, boolean voided, Instant voidedAt,
            String voidReason, Instant createdAt, String createdBy, boolean sheetAvailable, Instant sheetAvailableUntil,
            int sheetDownloads, String sheetUrl) {
    }

    /** A visitor's vote, as confirmed to them. */
    public record VoteReceipt(long contestId, int entryNumber, String title, Instant castAt) {
    }

    /** Live or final audience totals. */
    public record VoteTotals(long contestId, boolean votingClosed, long votes, List<EntryVotes> entries) {
    }

    /** Votes of one entry. */
    public record EntryVotes(int entryNumber, String title, long votes) {
    }

    /** An entry in the jury's ranking. */
    public record JuryRow(int rank, int entryNumber, long entryId, String title, int jurors, BigDecimal score,
            Map<String, BigDecimal> criteria, String tieBrokenBy) {
    }

    /** An entry in the audience's ranking. */
    public record AudienceRow(int rank, int entryNumber, long entryId, String title, long votes, String tieBrokenBy) {
    }

    /** An award and the entry it goes (or would go) to. */
    public record AwardResult(String code, LocalizedText label, AwardBasis basis, int rank, Integer entryNumber, String title,
            String makerId, String makerName) {
    }

    /** The results of a contest for staff, jurors and administrators (what each may see). */
    public record ResultsView(long contestId, boolean judgingClosed, boolean votingClosed, boolean published, Instant publishedAt,
            int scoresGiven, int scoresExpected, List<JuryRow> jury, List<AudienceRow> audience, List<AwardResult> awards) {
    }

    /** A contest whose results are public. */
    public record PublicContest(long id, FiscalYear fiscalYear, LocalizedText fiscalYearLabel, Integer edition, LocalizedText title,
            Instant publishedAt) {
    }

    /** A winning work as the public sees it; {@code makerName} only when the maker consents to being shown. */
    public record PublicWinner(String award, LocalizedText awardLabel, int entryNumber, String title, LocalizedText category,
            String materials, String technique, String makerName, List<String> photos) {
    }

    /** The public results: winners only. */
    public record PublicResults(PublicContest contest, List<PublicWinner> winners) {
    }

    /** A work open to the audience's votes, as the public sees it. */
    public record PublicEntry(int number, String title, LocalizedText category, String materials, List<String> thumbnails) {
    }

    /** The works a visitor can vote for while voting is open. */
    public record PublicBallot(long contestId, LocalizedText title, Instant votingCloses, List<PublicEntry> entries) {
    }

    /** A market. */
    public record MarketView(long id, FiscalYear fiscalYear, LocalizedText fiscalYearLabel, LocalizedText name, String venue,
            LocalDate startsOn, LocalDate endsOn, Long contestId, String note, boolean closed, Instant closedAt, int exhibitors,
            long visitors, long version) {
    }

    /** An exhibitor. */
    public record ExhibitorView(long id, long marketId, String personId, String name, String booth, Long salesYen) {
    }

    /** Visitors of one hour. */
    public record HourCount(int hour, int visitors) {
    }

    /** Visitors of one day: hour by hour, or one count for the whole day. */
    public record DayCount(LocalDate date, long visitors, boolean hourly, List<HourCount> hours) {
    }

    /** A market's visitors. */
    public record VisitorsView(long marketId, long visitors, List<DayCount> days) {
    }

    /** Attendance of one fiscal year. */
    public record YearAttendance(FiscalYear fiscalYear, LocalizedText label, int markets, long visitors, int exhibitors,
            long salesYen) {
    }

    /** Attendance per fiscal year and across the years (延べ動員数). */
    public record Attendance(List<YearAttendance> years, int markets, long visitors) {
    }
}
