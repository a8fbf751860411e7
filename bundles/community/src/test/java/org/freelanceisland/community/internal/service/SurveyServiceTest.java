package org.freelanceisland.community.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.freelanceisland.community.internal.Fixture;
import org.freelanceisland.community.internal.model.SurveyResponse;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Surveys on H2: once per person or token, satisfaction in the ledger without free text, results and the yearly rate. */
class SurveyServiceTest {

    private Fixture f;
    private SurveyService surveys;

    @BeforeEach
    void start() {
        f = new Fixture();
        for (int i = 1; i <= 10; i++) {
            f.directory.add("p-" + i, "回答者 " + i);
        }
        surveys = f.services.surveys();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private long survey(boolean anonymous) {
        Dto.SurveyView s = surveys.create(new Dto.SurveyInput(FiscalYear.of(2025), new Dto.Text("島フリーランス満足度調査", "Satisfaction survey"),
                null, anonymous, ScoringTest.QUESTIONS, new Dto.SatisfactionRule("overall", 4, null), null, null, null));
        return s.id();
    }

    private static List<Dto.AnswerItem> answer(int rating, String comment) {
        return comment == null ? List.of(new Dto.AnswerItem("overall", rating, null, null))
                : List.of(new Dto.AnswerItem("overall", rating, null, null), new Dto.AnswerItem("comment", null, null, comment));
    }

    @Test
    void aNamedSurveyIsAnsweredOncePerPersonAndTheLedgerCarriesOnlySurveyAndSatisfied() {
        long id = survey(false);
        assertEquals(409, assertThrows(ProblemException.class, () -> surveys.record(id, new Dto.ResponseInput("p-1", answer(5, null))))
                .status(), "a draft takes no answers");
        surveys.open(id);
        surveys.record(id, new Dto.ResponseInput("p-1", answer(5, "子育てしながら働ける")));
        assertEquals(409, assertThrows(ProblemException.class, () -> surveys.record(id, new Dto.ResponseInput("p-1", answer(2, null))))
                .status());
        assertEquals(400, assertThrows(ProblemException.class, () -> surveys.record(id, new Dto.ResponseInput(null, answer(2, null))))
                .status(), "a named survey needs the person");

        Dto.IssuedTokens tokens = surveys.issue(id, new Dto.TokenRequest(null, List.of("p-2")));
        assertEquals(1, tokens.issued());
        String token = tokens.tokens().get(0).token();
        assertEquals(20, token.length());
        assertEquals(3, surveys.form(token).questions().size());
        Dto.ResponseView viaForm = surveys.answer(token, answer(3, null));
        assertFalse(viaForm.satisfied());
        assertNull(viaForm.personId(), "the public answer names nobody");
        assertEquals(409, assertThrows(ProblemException.class, () -> surveys.answer(token, answer(5, null))).status(), "one time");
        assertEquals(409, assertThrows(ProblemException.class, () -> surveys.issue(id, new Dto.TokenRequest(null, List.of("p-2"))))
                .status(), "p-2 has answered");
        assertEquals(404, assertThrows(ProblemException.class, () -> surveys.form("AAAAAAAAAAAAAAAAAAAA")).status());

        List<ActivityEvent> answered = f.ledger.ofType(SurveyService.ANSWERED);
        assertEquals(2, answered.size());
        for (ActivityEvent e : answered) {
            assertEquals(java.util.Set.of("survey", "satisfied"), e.attributes().keySet());
            assertEquals(Long.toString(id), e.attributes().get("survey"));
            assertEquals(FiscalYear.of(2025), e.fiscalYear());
            assertFalse(e.toString().contains("子育て"), "never the free text");
        }
        assertEquals("true", answered.stream().filter(e -> "p-1".equals(e.personId())).findFirst().orElseThrow().attributes().get("satisfied"));
        assertEquals("false", answered.stream().filter(e -> "p-2".equals(e.personId())).findFirst().orElseThrow().attributes().get("satisfied"));
        assertEquals(2, surveys.responses(id, new PageRequest(0, 10)).total());
    }

    @Test
    void anAnonymousSurveyUsesOneTimeTokensAndKeepsNoPersonNorTime() {
        long id = survey(true);
        surveys.open(id);
        assertEquals(400, assertThrows(ProblemException.class, () -> surveys.issue(id, new Dto.TokenRequest(null, List.of("p-1"))))
                .status(), "anonymous tokens name nobody");
        assertEquals(400, assertThrows(ProblemException.class, () -> surveys.record(id, new Dto.ResponseInput("p-1", answer(5, null))))
                .status());
        Dto.IssuedTokens tokens = surveys.issue(id, new Dto.TokenRequest(5, null));
        assertEquals(5, tokens.tokens().stream().map(Dto.IssuedToken::token).distinct().count());
        int[] ratings = { 5, 4, 4, 2, 5 };
        for (int i = 0; i < 5; i++) {
            surveys.answer(tokens.tokens().get(i).token().toLowerCase(), answer(ratings[i], i == 0 ? "海が近い" : null));
        }
        surveys.record(id, new Dto.ResponseInput(null, answer(1, null))); // a paper form typed in

        List<SurveyResponse> stored = f.jpa.txExpr(em -> em.createQuery("SELECT r FROM SurveyResponse r", SurveyResponse.class)
                .getResultList());
        assertEquals(6, stored.size());
        assertTrue(stored.stream().allMatch(r -> r.personId() == null && r.answeredAt() == null), "no person, only the day");
        assertTrue(f.ledger.ofType(SurveyService.ANSWERED).stream().allMatch(e -> e.personId() == null));
        assertEquals(409, assertThrows(ProblemException.class, () -> surveys.responses(id, new PageRequest(0, 10))).status());

        Dto.SurveyResults results = surveys.results(id);
        assertEquals(6, results.responses());
        assertEquals(4, results.satisfied());
        assertEquals(0.6667, results.satisfactionRate());
        Dto.QuestionResult overall = results.questions().get(0);
        assertEquals(6, overall.answered());
        assertEquals(java.util.Map.of("1", 1, "2", 1, "3", 0, "4", 2, "5", 2), overall.distribution());
        assertEquals(3.5, overall.mean());
        Dto.QuestionResult comment = results.questions().get(2);
        assertEquals(1, comment.answered());
        assertNull(comment.distribution(), "free text is never aggregated");
        assertEquals(List.of("海が近い"), surveys.freeTexts(id, "comment", new PageRequest(0, 10)).items());

        Dto.SatisfactionView year = surveys.satisfaction(FiscalYear.of(2025), FiscalYear.of(2025)).get(0);
        assertEquals(6, year.responses());
        assertEquals(0.8, year.target());
        assertFalse(year.targetMet());
        assertEquals(5, surveys.get(id).tokensUsed());
    }

    @Test
    void surveysOpenOnlyWithARuleAndFreezeTheirQuestions() {
        Dto.SurveyView draft = surveys.create(new Dto.SurveyInput(FiscalYear.of(2025), new Dto.Text("下書き", null), null, false,
                ScoringTest.QUESTIONS, null, null, null, null));
        assertEquals(422, assertThrows(ProblemException.class, () -> surveys.open(draft.id())).status());
        long id = survey(false);
        surveys.open(id);
        assertEquals(409, assertThrows(ProblemException.class, () -> surveys.update(id, new Dto.SurveyInput(FiscalYear.of(2025),
                new Dto.Text("変更", null), null, false, ScoringTest.QUESTIONS, new Dto.SatisfactionRule("overall", 3, null), null, null,
                null))).status());
        surveys.close(id);
        assertEquals(409, assertThrows(ProblemException.class, () -> surveys.record(id, new Dto.ResponseInput("p-1", answer(5, null))))
                .status());
        assertEquals(409, assertThrows(ProblemException.class, () -> surveys.delete(id)).status());
        surveys.delete(draft.id());
        assertEquals(404, assertThrows(ProblemException.class, () -> surveys.get(draft.id())).status());
    }
}
