package org.freelanceisland.community.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.freelanceisland.community.internal.model.QuestionType;
import org.freelanceisland.community.internal.model.Survey;
import org.freelanceisland.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** Survey scoring: well-formed surveys, complete answers, and which answers count as satisfied. */
class ScoringTest {

    static final List<Dto.QuestionInput> QUESTIONS = List.of(
            new Dto.QuestionInput("overall", QuestionType.LIKERT_1_5, new Dto.QuestionText("島での仕事と暮らしに満足していますか", "Work-life"),
                    true, null),
            new Dto.QuestionInput("recommend", QuestionType.CHOICE, new Dto.QuestionText("友人に勧めますか", null), false,
                    List.of(new Dto.OptionInput("yes", new Dto.Text("はい", "Yes")), new Dto.OptionInput("maybe", new Dto.Text("たぶん", null)),
                            new Dto.OptionInput("no", new Dto.Text("いいえ", "No")))),
            new Dto.QuestionInput("comment", QuestionType.FREE_TEXT, new Dto.QuestionText("ご意見", null), false, null));

    static Survey survey(Dto.SatisfactionRule rule) {
        return survey(QUESTIONS, rule);
    }

    static Survey survey(List<Dto.QuestionInput> questions, Dto.SatisfactionRule rule) {
        Scoring.Checked c = Scoring.survey(questions, rule);
        Survey s = new Survey(LocalDateTime.parse("2025-04-01T00:00"));
        s.update(new Survey.Details(2025, "満足度調査", null, null, null, false, c.questions(), c.options(), rule.question(), rule.min(),
                rule.options(), null, null), LocalDateTime.parse("2025-04-01T00:00"));
        return s;
    }

    private static List<String> fields(ProblemException e) {
        return e.toProblem().errors().stream().map(f -> f.field()).toList();
    }

    @Test
    void aRatingOfAtLeastTheMinimumIsSatisfied() {
        Survey s = survey(new Dto.SatisfactionRule("overall", 4, null));
        for (int rating = 1; rating <= 5; rating++) {
            var answers = Scoring.answers(s, List.of(new Dto.AnswerItem("overall", rating, null, null)));
            assertEquals(rating >= 4, Scoring.satisfied(s, answers), "rating " + rating);
        }
    }

    @Test
    void aChoiceAmongTheListedOptionsIsSatisfied() {
        Dto.QuestionInput r = QUESTIONS.get(1);
        Survey s = survey(List.of(QUESTIONS.get(0), new Dto.QuestionInput(r.code(), r.type(), r.text(), true, r.options())),
                new Dto.SatisfactionRule("recommend", null, List.of("yes", "maybe")));
        assertTrue(Scoring.satisfied(s, Scoring.answers(s, List.of(new Dto.AnswerItem("overall", 1, null, null),
                new Dto.AnswerItem("recommend", null, "maybe", null)))));
        assertFalse(Scoring.satisfied(s, Scoring.answers(s, List.of(new Dto.AnswerItem("overall", 5, null, null),
                new Dto.AnswerItem("recommend", null, "no", null)))));
    }

    @Test
    void answersAreCheckedAgainstTheQuestions() {
        Survey s = survey(new Dto.SatisfactionRule("overall", 4, null));
        ProblemException e = assertThrows(ProblemException.class, () -> Scoring.answers(s, List.of(
                new Dto.AnswerItem("overall", 6, null, null),
                new Dto.AnswerItem("recommend", null, "perhaps", null),
                new Dto.AnswerItem("comment", null, null, "  "),
                new Dto.AnswerItem("nothing", 3, null, null))));
        assertEquals(400, e.status());
        assertEquals(List.of("answers[0].rating", "answers[1].choice", "answers[2].text", "answers[3].question"), fields(e));

        ProblemException missing = assertThrows(ProblemException.class,
                () -> Scoring.answers(s, List.of(new Dto.AnswerItem("comment", null, null, "とても良い"))));
        assertEquals(List.of("answers"), fields(missing), "the required question");
        ProblemException twice = assertThrows(ProblemException.class, () -> Scoring.answers(s, List.of(
                new Dto.AnswerItem("overall", 4, null, null), new Dto.AnswerItem("overall", 5, null, null))));
        assertEquals(List.of("answers[1].question"), fields(twice));
        ProblemException mixed = assertThrows(ProblemException.class,
                () -> Scoring.answers(s, List.of(new Dto.AnswerItem("overall", 4, "yes", null))));
        assertEquals(List.of("answers[0].rating"), fields(mixed));

        Map<String, Scoring.Answer> ok = Scoring.answers(s, List.of(new Dto.AnswerItem("comment", null, null, " 海がきれい "),
                new Dto.AnswerItem("overall", 5, null, null)));
        assertEquals(List.of("overall", "comment"), List.copyOf(ok.keySet()), "in the survey's order");
        assertEquals("海がきれい", ok.get("comment").text());
    }

    @Test
    void aSurveyMustBeWellFormed() {
        List<Dto.QuestionInput> bad = List.of(
                new Dto.QuestionInput("q", QuestionType.LIKERT_1_5, new Dto.QuestionText("a", null), true,
                        List.of(new Dto.OptionInput("x", new Dto.Text("x", null)))),
                new Dto.QuestionInput("q", QuestionType.CHOICE, new Dto.QuestionText("b", null), true,
                        List.of(new Dto.OptionInput("x", new Dto.Text("x", null)))),
                new Dto.QuestionInput("free", QuestionType.FREE_TEXT, new Dto.QuestionText("c", null), true, null));
        ProblemException e = assertThrows(ProblemException.class, () -> Scoring.survey(bad, new Dto.SatisfactionRule("free", 4, null)));
        assertEquals(List.of("questions[0].options", "questions[1].code", "questions[1].options", "satisfiedWhen.question"), fields(e));

        assertEquals(List.of("satisfiedWhen.question"),
                fields(assertThrows(ProblemException.class, () -> Scoring.survey(QUESTIONS, new Dto.SatisfactionRule("recommend", null,
                        List.of("yes"))))), "the deciding question must be required");
        assertEquals(List.of("satisfiedWhen.min"),
                fields(assertThrows(ProblemException.class, () -> Scoring.survey(QUESTIONS, new Dto.SatisfactionRule("overall", null, null)))));
        assertEquals(List.of("satisfiedWhen.question"),
                fields(assertThrows(ProblemException.class, () -> Scoring.survey(QUESTIONS, new Dto.SatisfactionRule("none", 4, null)))));
        assertEquals(2, Scoring.survey(QUESTIONS, null).questions().size() - 1, "a draft may leave the rule out");
    }
}
