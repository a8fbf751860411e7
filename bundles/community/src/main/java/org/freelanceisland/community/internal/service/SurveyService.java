package org.freelanceisland.community.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.freelanceisland.community.internal.model.ChoiceOption;
import org.freelanceisland.community.internal.model.QuestionType;
import org.freelanceisland.community.internal.model.Survey;
import org.freelanceisland.community.internal.model.SurveyAnswer;
import org.freelanceisland.community.internal.model.SurveyQuestion;
import org.freelanceisland.community.internal.model.SurveyResponse;
import org.freelanceisland.community.internal.model.SurveyStatus;
import org.freelanceisland.community.internal.model.SurveyToken;
import org.freelanceisland.community.internal.service.Dto.SurveyView;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Satisfaction surveys: a survey per fiscal year with its questions, named or anonymous by design,
 * answered once per person (named) or once per one-time token (anonymous), or typed in by staff
 * from paper; the survey's rule decides whether an answer is "satisfied", and every answer records
 * {@code community.survey.answered} in the ledger with the attributes {@code survey} and
 * {@code satisfied}, never the free text.
 */
public final class SurveyService {

    /** Ledger type of an answer. */
    public static final String ANSWERED = "community.survey.answered";
    /** The plan's target: 80 % of freelancers satisfied with their work and life. */
    public static final double TARGET = 0.8;

    private static final int TOKEN_LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the activity ledger
     */
    public SurveyService(Tx tx, People people, ActivityLedger ledger) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
    }

    // ---- surveys

    /**
     * Creates a survey (a draft).
     *
     * @param in the survey
     * @return it
     */
    public SurveyView create(Dto.SurveyInput in) {
        Survey.Details d = details(in);
        return tx.write(em -> {
            Survey s = new Survey(tx.now());
            s.update(d, tx.now());
            em.persist(s);
            em.flush();
            return view(em, s);
        });
    }

    /**
     * Changes a draft survey.
     *
     * @param id the survey
     * @param in all fields
     * @return it
     */
    public SurveyView update(long id, Dto.SurveyInput in) {
        Survey.Details d = details(in);
        return tx.write(em -> {
            Survey s = lock(em, id);
            Support.version("survey", id, in.version(), s.version());
            if (s.status() != SurveyStatus.DRAFT) {
                throw ProblemException.conflict("Survey " + id + " is " + s.status() + "; its questions are frozen once it opens");
            }
            s.update(d, tx.now());
            em.flush();
            return view(em, s);
        });
    }

    /**
     * Deletes a draft survey.
     *
     * @param id the survey
     */
    public void delete(long id) {
        tx.write(em -> {
            Survey s = lock(em, id);
            if (s.status() != SurveyStatus.DRAFT) {
                throw ProblemException.conflict("Survey " + id + " is " + s.status() + "; only a draft can be deleted");
            }
            em.createQuery("DELETE FROM SurveyToken t WHERE t.surveyId = :s").setParameter("s", id).executeUpdate();
            em.remove(s);
            return null;
        });
    }

    /**
     * Opens a survey for answers (a draft, or a closed survey again).
     *
     * @param id the survey
     * @return it
     */
    public SurveyView open(long id) {
        return tx.write(em -> {
            Survey s = lock(em, id);
            if (s.status() == SurveyStatus.OPEN) {
                return view(em, s);
            }
            if (s.satisfiedQuestion() == null) {
                throw ProblemException.unprocessable("satisfiedWhen", "survey " + id
                        + " has no satisfaction rule; define which answer counts as satisfied before opening it");
            }
            s.status(SurveyStatus.OPEN, tx.now());
            em.flush();
            return view(em, s);
        });
    }

    /**
     * Closes a survey: no more answers.
     *
     * @param id the survey
     * @return it
     */
    public SurveyView close(long id) {
        return tx.write(em -> {
            Survey s = lock(em, id);
            if (s.status() == SurveyStatus.DRAFT) {
                throw ProblemException.conflict("Survey " + id + " was never opened");
            }
            s.status(SurveyStatus.CLOSED, tx.now());
            em.flush();
            return view(em, s);
        });
    }

    /**
     * One survey.
     *
     * @param id the survey
     * @return it
     */
    public SurveyView get(long id) {
        return tx.read(em -> view(em, find(em, id)));
    }

    /**
     * Lists surveys, the latest fiscal year first.
     *
     * @param year a fiscal year or {@code null}
     * @param status a status or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<SurveyView> list(FiscalYear year, SurveyStatus status, PageRequest page) {
        return tx.read(em -> {
            String where = " WHERE 1 = 1" + (year == null ? "" : " AND s.fiscalYear = :y") + (status == null ? "" : " AND s.status = :st");
            var q = em.createQuery("SELECT s FROM Survey s" + where + " ORDER BY s.fiscalYear DESC, s.id DESC", Survey.class);
            var count = em.createQuery("SELECT COUNT(s) FROM Survey s" + where, Long.class);
            if (year != null) {
                q.setParameter("y", year.startYear());
                count.setParameter("y", year.startYear());
            }
            if (status != null) {
                q.setParameter("st", status);
                count.setParameter("st", status);
            }
            List<SurveyView> views = new ArrayList<>();
            for (Survey s : q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                views.add(view(em, s));
            }
            return new Page<>(views, count.getSingleResult(), page.offset(), page.limit());
        });
    }

    // ---- tokens

    /**
     * Issues one-time tokens for the public form: {@code count} anonymous ones for an anonymous
     * survey, one per person for a named survey. The tokens are shown now and never again (only
     * their hashes are kept).
     *
     * @param id the survey
     * @param in how many, or for whom
     * @return the tokens
     */
    public Dto.IssuedTokens issue(long id, Dto.TokenRequest in) {
        Survey survey = tx.read(em -> find(em, id));
        List<String> persons = in.personIds() == null ? List.of() : in.personIds().stream().map(String::strip).distinct().toList();
        if (survey.status() == SurveyStatus.CLOSED) {
            throw ProblemException.conflict("Survey " + id + " is closed");
        }
        if (survey.anonymous()) {
            if (!persons.isEmpty()) {
                throw ProblemException.invalid("personIds", "survey " + id + " is anonymous: its tokens name nobody; give a count");
            }
            if (in.count() == null) {
                throw ProblemException.invalid("count", "how many tokens to issue");
            }
        } else {
            if (in.count() != null) {
                throw ProblemException.invalid("count", "survey " + id + " is named: issue tokens for personIds");
            }
            if (persons.isEmpty()) {
                throw ProblemException.invalid("personIds", "the people to issue tokens for");
            }
            for (int i = 0; i < persons.size(); i++) {
                people.requireParticipant("personIds[" + i + "]", persons.get(i));
            }
        }
        return tx.write(em -> {
            List<Dto.IssuedToken> issued = new ArrayList<>();
            if (survey.anonymous()) {
                for (int i = 0; i < in.count(); i++) {
                    issued.add(newToken(em, id, null));
                }
            } else {
                for (String person : persons) {
                    if (answered(em, id, person)) {
                        throw ProblemException.conflict("Person " + person + " has already answered survey " + id);
                    }
                    issued.add(newToken(em, id, person));
                }
            }
            em.flush();
            return new Dto.IssuedTokens(id, issued.size(), issued);
        });
    }

    private Dto.IssuedToken newToken(EntityManager em, long surveyId, String personId) {
        char[] chars = new char[TOKEN_LENGTH];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = CheckIns.ALPHABET.charAt(RANDOM.nextInt(CheckIns.ALPHABET.length()));
        }
        String token = new String(chars);
        em.persist(new SurveyToken(surveyId, hash(token), personId, tx.now()));
        return new Dto.IssuedToken(token, personId);
    }

    /**
     * The SHA-256 of a token as typed (case and hyphens do not matter).
     *
     * @param token the token
     * @return the hex hash
     */
    static String hash(String token) {
        String normal = token.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    // ---- answers

    /**
     * The public form for a token.
     *
     * @param token the token
     * @return the survey's questions
     * @throws ProblemException 404 for an unknown token, 409 when used or the survey is not open
     */
    public Dto.FormView form(String token) {
        return tx.read(em -> {
            SurveyToken t = token(em, token, false);
            Survey s = find(em, t.surveyId());
            requireOpen(s);
            return new Dto.FormView(s.id(), LocalizedText.of(s.titleJa(), s.titleEn()),
                    Support.text(s.descriptionJa(), s.descriptionEn()), s.anonymous(), questions(s));
        });
    }

    /**
     * Answers on the public form with a token, which is then used up.
     *
     * @param token the token
     * @param items the answers
     * @return the response (no person in it)
     */
    public Dto.ResponseView answer(String token, List<Dto.AnswerItem> items) {
        SurveyToken before = tx.read(em -> token(em, token, false));
        if (before.personId() != null) {
            people.requireParticipant("token", before.personId());
        }
        return tx.write(em -> {
            SurveyToken t = token(em, token, true);
            Survey s = em.find(Survey.class, t.surveyId(), LockModeType.PESSIMISTIC_WRITE);
            requireOpen(s);
            Map<String, Scoring.Answer> answers = Scoring.answers(s, items);
            if (t.personId() != null && answered(em, s.id(), t.personId())) {
                throw ProblemException.conflict("This survey has already been answered");
            }
            t.use(tx.today());
            SurveyResponse r = store(em, s, t.personId(), answers, "FORM");
            Dto.ResponseView view = new Dto.ResponseView(r.id(), s.id(), null, r.answeredOn(), r.satisfied());
            return view;
        });
    }

    /**
     * Staff type in a response (from a paper form or an interview): with the person for a named
     * survey, without for an anonymous one.
     *
     * @param id the survey
     * @param in the response
     * @return the response
     */
    public Dto.ResponseView record(long id, Dto.ResponseInput in) {
        Survey before = tx.read(em -> find(em, id));
        String person = Support.blank(in.personId());
        if (before.anonymous() && person != null) {
            throw ProblemException.invalid("personId", "survey " + id + " is anonymous by design: its answers name nobody");
        }
        if (!before.anonymous()) {
            if (person == null) {
                throw ProblemException.invalid("personId", "survey " + id + " is named: whose answer is it?");
            }
            people.requireParticipant("personId", person);
        }
        return tx.write(em -> {
            Survey s = lock(em, id);
            requireOpen(s);
            Map<String, Scoring.Answer> answers = Scoring.answers(s, in.answers());
            if (person != null && answered(em, id, person)) {
                throw ProblemException.conflict("Person " + person + " has already answered survey " + id);
            }
            SurveyResponse r = store(em, s, person, answers, "STAFF");
            return new Dto.ResponseView(r.id(), id, person, r.answeredOn(), r.satisfied());
        });
    }

    private SurveyResponse store(EntityManager em, Survey s, String person, Map<String, Scoring.Answer> answers, String source) {
        boolean satisfied = Scoring.satisfied(s, answers);
        SurveyResponse r = new SurveyResponse(s.id(), person, tx.today(), s.anonymous() ? null : tx.now(), satisfied, source);
        em.persist(r);
        em.flush();
        for (Scoring.Answer a : answers.values()) {
            em.persist(new SurveyAnswer(s.id(), r.id(), a.question(), a.rating(), a.choice(), a.text()));
        }
        em.flush();
        ledger.record(ActivityEvent.builder("community:survey:" + s.id() + ":response:" + r.id() + ":answered", ANSWERED,
                s.anonymous() ? r.answeredOn().atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant() : Support.instant(r.answeredAt()))
                .person(person)
                .fiscalYear(FiscalYear.of(s.fiscalYear()))
                .attribute("survey", Long.toString(s.id()))
                .attribute("satisfied", Boolean.toString(satisfied))
                .build());
        return r;
    }

    /**
     * The responses of a named survey (who answered, satisfied or not), for follow-up.
     *
     * @param id the survey
     * @param page the window
     * @return the page
     */
    public Page<Dto.ResponseView> responses(long id, PageRequest page) {
        return tx.read(em -> {
            Survey s = find(em, id);
            if (s.anonymous()) {
                throw ProblemException.conflict("Survey " + id + " is anonymous: its responses are only shown as results");
            }
            List<Dto.ResponseView> views = new ArrayList<>();
            for (SurveyResponse r : em.createQuery("SELECT r FROM SurveyResponse r WHERE r.surveyId = :s ORDER BY r.id", SurveyResponse.class)
                    .setParameter("s", id).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                views.add(new Dto.ResponseView(r.id(), id, r.personId(), r.answeredOn(), r.satisfied()));
            }
            return new Page<>(views, responseCount(em, id), page.offset(), page.limit());
        });
    }

    // ---- results

    /**
     * The results of a survey: responses, satisfaction, and per question the distribution (ratings
     * 1–5 with their mean, options) or, for free text, only how many answered.
     *
     * @param id the survey
     * @return the results
     */
    public Dto.SurveyResults results(long id) {
        return tx.read(em -> {
            Survey s = find(em, id);
            int responses = responseCount(em, id);
            int satisfied = em.createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE r.surveyId = :s AND r.satisfied = :t", Long.class)
                    .setParameter("s", id).setParameter("t", true).getSingleResult().intValue();
            Map<String, Map<String, Integer>> dist = new LinkedHashMap<>();
            Map<String, Integer> answered = new LinkedHashMap<>();
            Map<String, long[]> sums = new LinkedHashMap<>();
            for (SurveyQuestion q : s.questions()) {
                Map<String, Integer> d = new LinkedHashMap<>();
                if (q.type() == QuestionType.LIKERT_1_5) {
                    for (int i = 1; i <= 5; i++) {
                        d.put(Integer.toString(i), 0);
                    }
                } else if (q.type() == QuestionType.CHOICE) {
                    s.options().stream().filter(o -> o.questionCode().equals(q.code())).forEach(o -> d.put(o.code(), 0));
                }
                dist.put(q.code(), d);
                answered.put(q.code(), 0);
                sums.put(q.code(), new long[1]);
            }
            for (Object[] row : em.createQuery("SELECT a.questionCode, a.rating, a.choice, COUNT(a) FROM SurveyAnswer a WHERE a.surveyId = :s"
                    + " GROUP BY a.questionCode, a.rating, a.choice", Object[].class).setParameter("s", id).getResultList()) {
                String code = (String) row[0];
                int n = ((Number) row[3]).intValue();
                if (!answered.containsKey(code)) {
                    continue;
                }
                answered.merge(code, n, Integer::sum);
                if (row[1] != null) {
                    dist.get(code).merge(row[1].toString(), n, Integer::sum);
                    sums.get(code)[0] += (long) ((Number) row[1]).intValue() * n;
                } else if (row[2] != null) {
                    dist.get(code).merge((String) row[2], n, Integer::sum);
                }
            }
            List<Dto.QuestionResult> questions = new ArrayList<>();
            for (SurveyQuestion q : s.questions()) {
                int n = answered.get(q.code());
                Double mean = q.type() == QuestionType.LIKERT_1_5 && n > 0 ? Math.round(sums.get(q.code())[0] * 100.0 / n) / 100.0 : null;
                questions.add(new Dto.QuestionResult(q.code(), q.type(), LocalizedText.of(q.textJa(), q.textEn()), n,
                        q.type() == QuestionType.FREE_TEXT ? null : dist.get(q.code()), mean));
            }
            return new Dto.SurveyResults(id, s.fiscalYear(), LocalizedText.of(s.titleJa(), s.titleEn()), s.anonymous(), responses,
                    satisfied, rate(satisfied, responses), questions);
        });
    }

    /**
     * The free-text answers to a question, sorted by text (so their order says nothing about who
     * wrote them or when), without any link to a response or a person.
     *
     * @param id the survey
     * @param question the question's code
     * @param page the window
     * @return the texts
     */
    public Page<String> freeTexts(long id, String question, PageRequest page) {
        return tx.read(em -> {
            Survey s = find(em, id);
            SurveyQuestion q = s.questions().stream().filter(x -> x.code().equals(question)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("question", question));
            if (q.type() != QuestionType.FREE_TEXT) {
                throw ProblemException.invalid("question", "question " + question + " is not a free-text question");
            }
            List<String> texts = em.createQuery("SELECT a.text FROM SurveyAnswer a WHERE a.surveyId = :s AND a.questionCode = :q"
                    + " AND a.text IS NOT NULL ORDER BY a.text", String.class).setParameter("s", id).setParameter("q", question)
                    .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            long total = em.createQuery("SELECT COUNT(a) FROM SurveyAnswer a WHERE a.surveyId = :s AND a.questionCode = :q"
                    + " AND a.text IS NOT NULL", Long.class).setParameter("s", id).setParameter("q", question).getSingleResult();
            return new Page<>(texts, total, page.offset(), page.limit());
        });
    }

    /**
     * The satisfaction of fiscal years over their opened surveys, against the plan's 80 % target.
     *
     * @param from the first fiscal year
     * @param to the last fiscal year
     * @return one row per fiscal year
     */
    public List<Dto.SatisfactionView> satisfaction(FiscalYear from, FiscalYear to) {
        return tx.read(em -> {
            List<Dto.SatisfactionView> rows = new ArrayList<>();
            for (int y = from.startYear(); y <= to.startYear(); y++) {
                int year = y;
                int surveys = em.createQuery("SELECT COUNT(s) FROM Survey s WHERE s.fiscalYear = :y AND s.status <> :d", Long.class)
                        .setParameter("y", year).setParameter("d", SurveyStatus.DRAFT).getSingleResult().intValue();
                String count = "SELECT COUNT(r) FROM SurveyResponse r, Survey s WHERE s.id = r.surveyId AND s.fiscalYear = :y";
                int responses = em.createQuery(count, Long.class).setParameter("y", year).getSingleResult().intValue();
                int satisfied = em.createQuery(count + " AND r.satisfied = :t", Long.class).setParameter("y", year)
                        .setParameter("t", true).getSingleResult().intValue();
                Double rate = rate(satisfied, responses);
                rows.add(new Dto.SatisfactionView(year, FiscalYear.of(year).label(), surveys, responses, satisfied, rate, TARGET,
                        rate == null ? null : rate >= TARGET));
            }
            return rows;
        });
    }

    /**
     * The fiscal year today falls in.
     *
     * @return the fiscal year
     */
    public FiscalYear currentYear() {
        return FiscalYear.of(tx.today());
    }

    // ---- helpers

    private static Double rate(int satisfied, int responses) {
        return responses == 0 ? null : Math.round(satisfied * 10_000.0 / responses) / 10_000.0;
    }

    private Survey.Details details(Dto.SurveyInput in) {
        Scoring.Checked checked = Scoring.survey(in.questions(), in.satisfiedWhen());
        List<FieldError> errors = new ArrayList<>();
        String descJa = in.description() == null ? null : Support.blank(in.description().ja());
        String descEn = in.description() == null ? null : Support.blank(in.description().en());
        Support.japaneseFirst("description", descJa, descEn, errors);
        if (in.opensOn() != null && in.closesOn() != null && in.closesOn().isBefore(in.opensOn())) {
            errors.add(new FieldError("closesOn", "must not be before opensOn"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Dto.SatisfactionRule rule = in.satisfiedWhen();
        return new Survey.Details(in.fiscalYear().startYear(), in.title().ja().strip(), Support.blank(in.title().en()), descJa, descEn,
                in.anonymous() != null && in.anonymous(), checked.questions(), checked.options(),
                rule == null ? null : rule.question(), rule == null ? null : rule.min(),
                rule == null || rule.options() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(rule.options())),
                in.opensOn(), in.closesOn());
    }

    private void requireOpen(Survey s) {
        if (s.status() != SurveyStatus.OPEN) {
            throw ProblemException.conflict("Survey " + s.id() + " is " + s.status() + "; it takes no answers now");
        }
        if (s.opensOn() != null && tx.today().isBefore(s.opensOn())) {
            throw ProblemException.conflict("Survey " + s.id() + " takes answers from " + s.opensOn());
        }
        if (s.closesOn() != null && tx.today().isAfter(s.closesOn())) {
            throw ProblemException.conflict("Survey " + s.id() + " took answers until " + s.closesOn());
        }
    }

    private static SurveyToken token(EntityManager em, String token, boolean lock) {
        ProblemException unknown = new ProblemException(404, "not-found", "Not found", "No survey for this token", List.of());
        if (token == null || token.isBlank() || token.length() > 64) {
            throw unknown;
        }
        var q = em.createQuery("SELECT t FROM SurveyToken t WHERE t.tokenHash = :h", SurveyToken.class).setParameter("h", hash(token));
        if (lock) {
            q.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<SurveyToken> found = q.getResultList();
        if (found.isEmpty()) {
            throw unknown;
        }
        SurveyToken t = found.get(0);
        if (t.usedOn() != null) {
            throw ProblemException.conflict("This token has already been used to answer the survey");
        }
        return t;
    }

    private static boolean answered(EntityManager em, long surveyId, String personId) {
        return em.createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE r.surveyId = :s AND r.personId = :p", Long.class)
                .setParameter("s", surveyId).setParameter("p", personId).getSingleResult() > 0;
    }

    private static int responseCount(EntityManager em, long id) {
        return em.createQuery("SELECT COUNT(r) FROM SurveyResponse r WHERE r.surveyId = :s", Long.class).setParameter("s", id)
                .getSingleResult().intValue();
    }

    static Survey find(EntityManager em, long id) {
        Survey s = em.find(Survey.class, id);
        if (s == null) {
            throw ProblemException.notFound("survey", id);
        }
        return s;
    }

    private static Survey lock(EntityManager em, long id) {
        Survey s = em.find(Survey.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("survey", id);
        }
        return s;
    }

    private static List<Dto.QuestionView> questions(Survey s) {
        List<Dto.QuestionView> out = new ArrayList<>();
        for (SurveyQuestion q : s.questions()) {
            List<Dto.OptionView> options = new ArrayList<>();
            for (ChoiceOption o : s.options()) {
                if (o.questionCode().equals(q.code())) {
                    options.add(new Dto.OptionView(o.code(), LocalizedText.of(o.labelJa(), o.labelEn())));
                }
            }
            out.add(new Dto.QuestionView(q.code(), q.type(), LocalizedText.of(q.textJa(), q.textEn()), q.required(),
                    q.type() == QuestionType.CHOICE ? options : null));
        }
        return out;
    }

    private static SurveyView view(EntityManager em, Survey s) {
        Dto.SatisfactionRule rule = s.satisfiedQuestion() == null ? null
                : new Dto.SatisfactionRule(s.satisfiedQuestion(), s.satisfiedMin(), s.satisfiedOptions().isEmpty() ? null : s.satisfiedOptions());
        int tokens = 0;
        int used = 0;
        for (Object[] row : em.createQuery("SELECT COUNT(t), SUM(CASE WHEN t.usedOn IS NULL THEN 0 ELSE 1 END) FROM SurveyToken t"
                + " WHERE t.surveyId = :s", Object[].class).setParameter("s", s.id()).getResultList()) {
            tokens = row[0] == null ? 0 : ((Number) row[0]).intValue();
            used = row[1] == null ? 0 : ((Number) row[1]).intValue();
        }
        return new SurveyView(s.id(), s.fiscalYear(), FiscalYear.of(s.fiscalYear()).label(), LocalizedText.of(s.titleJa(), s.titleEn()),
                Support.text(s.descriptionJa(), s.descriptionEn()), s.anonymous(), s.status(), questions(s), rule, s.opensOn(),
                s.closesOn(), responseCount(em, s.id()), tokens, used, Support.instant(s.updatedAt()), s.version());
    }
}
