package org.freelanceisland.community.internal.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.freelanceisland.community.internal.Fixture;
import org.freelanceisland.community.internal.model.EventKind;
import org.freelanceisland.community.internal.model.QuestionType;
import org.freelanceisland.community.internal.model.Visibility;
import org.freelanceisland.community.internal.service.Dto;
import org.freelanceisland.community.internal.service.ICalendar;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.people.ConsentPurpose;

/**
 * The community program's figures at the scale of a busy hub (run by hand or by {@code bench/run.sh},
 * not by surefire), on in-memory H2 with an in-memory people registry:
 * <ul>
 * <li>the public role-model listing with its consent check per profile, over 300 published profiles
 * (a tenth of them withdrawn);</li>
 * <li>the public calendar feed of 500 events, read and written as iCalendar;</li>
 * <li>the results of a survey with 2,000 responses.</li>
 * </ul>
 *
 * <pre>
 * mvn -q -f bundles/community/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.freelanceisland.community.internal.bench.CommunityBenchmark [-Dexec.args="results.jsonl"]
 * </pre>
 */
public final class CommunityBenchmark {

    private CommunityBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the file the figures are appended to as JSON lines (optional)
     * @throws Exception if writing the figures fails
     */
    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : null;
        List<String> lines = new ArrayList<>();
        try (Fixture f = new Fixture()) {
            lines.add(roleModels(f));
            lines.add(calendar(f));
            lines.add(survey(f));
        }
        lines.forEach(System.out::println);
        if (out != null) {
            Files.write(out, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static String roleModels(Fixture f) {
        String[] kinds = { "writing", "photography", "handmade", "web-production", "design" };
        for (int i = 0; i < 300; i++) {
            String person = "rm-" + i;
            f.directory.add(person, "ロールモデル " + i);
            long id = f.services.roleModels().create(new Dto.RoleModelInput(person, "さん" + i, new Dto.Text("島で働く", null),
                    new Dto.Story("物語".repeat(200), null), kinds[i % kinds.length], null, null)).id();
            f.services.roleModels().publish(id);
            if (i % 10 == 0) {
                f.directory.withdraw(person, ConsentPurpose.ROLE_MODEL);
            }
        }
        double[] times = time(200, () -> f.services.roleModels().publicList("writing", new PageRequest(0, 20)));
        long shown = f.services.roleModels().publicList(null, new PageRequest(0, 20)).total();
        return figure("public role models, one kind of work, over 300 published profiles (p95)", percentile(times, 95), 50.0,
                String.format("%d shown of 300 (consent asked per profile on every request), p50 %.2f ms", shown, percentile(times, 50)));
    }

    private static String calendar(Fixture f) {
        LocalDateTime start = LocalDateTime.parse("2025-06-02T19:00");
        for (int i = 0; i < 500; i++) {
            f.services.events().create(new Dto.EventInput(new Dto.Text("島フリーランス交流会 第" + i + "回、テーマ：子育てと仕事", "Meetup " + i),
                    new Dto.LongText("説明; 持ち物, 筆記用具\n申込は窓口へ", null), EventKind.values()[i % 4], start.plusDays(i),
                    start.plusDays(i).plusHours(2), "WorkStyle Lab Inno, 名瀬", null, 30, true, Visibility.PUBLIC, null));
        }
        ICalendar ics = new ICalendar("bench.example");
        int[] size = new int[1];
        double[] times = time(50, () -> size[0] = ics.write("イベント", false, f.services.events().feed(90, null, 500)).length());
        return figure("public calendar feed of 500 events, read and written (p95)", percentile(times, 95), 200.0,
                String.format("%,d characters, p50 %.2f ms", size[0], percentile(times, 50)));
    }

    private static String survey(Fixture f) {
        List<Dto.QuestionInput> questions = List.of(
                new Dto.QuestionInput("overall", QuestionType.LIKERT_1_5, new Dto.QuestionText("満足度", null), true, null),
                new Dto.QuestionInput("comment", QuestionType.FREE_TEXT, new Dto.QuestionText("ご意見", null), false, null));
        long id = f.services.surveys().create(new Dto.SurveyInput(FiscalYear.of(2025), new Dto.Text("満足度調査", null), null, true,
                questions, new Dto.SatisfactionRule("overall", 4, null), null, null, null)).id();
        f.services.surveys().open(id);
        for (int i = 0; i < 2000; i++) {
            f.services.surveys().record(id, new Dto.ResponseInput(null, List.of(new Dto.AnswerItem("overall", 1 + i % 5, null, null),
                    new Dto.AnswerItem("comment", null, null, "意見 " + i))));
        }
        Dto.SurveyResults[] results = new Dto.SurveyResults[1];
        // one more response before each reading, so that the database cannot reuse an earlier result
        double[] times = new double[100];
        for (int r = 0; r < times.length; r++) {
            f.services.surveys().record(id, new Dto.ResponseInput(null, List.of(new Dto.AnswerItem("overall", 1 + r % 5, null, null))));
            long t = System.nanoTime();
            results[0] = f.services.surveys().results(id);
            times[r] = (System.nanoTime() - t) / 1e6;
        }
        return figure("survey results over 2,000 responses, read after each new answer (p95)", percentile(times, 95), 100.0,
                String.format("satisfaction %.2f, p50 %.2f ms", results[0].satisfactionRate(), percentile(times, 50)));
    }

    private static double[] time(int runs, Runnable work) {
        for (int i = 0; i < 10; i++) {
            work.run();
        }
        double[] times = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t = System.nanoTime();
            work.run();
            times[r] = (System.nanoTime() - t) / 1e6;
        }
        return times;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String figure(String name, double ms, double goal, String note) {
        return String.format(java.util.Locale.ROOT,
                "{\"bench\":\"module\",\"module\":\"community\",\"name\":\"%s\",\"value\":%.2f,\"unit\":\"ms\",\"goal\":%.1f,"
                        + "\"goalKind\":\"value-max\",\"note\":\"%s\"}",
                name.replace("\"", "'"), ms, goal, note.replace("\"", "'"));
    }
}
