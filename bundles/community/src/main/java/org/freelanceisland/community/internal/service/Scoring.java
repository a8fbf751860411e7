package org.freelanceisland.community.internal.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.freelanceisland.community.internal.model.ChoiceOption;
import org.freelanceisland.community.internal.model.QuestionType;
import org.freelanceisland.community.internal.model.Survey;
import org.freelanceisland.community.internal.model.SurveyQuestion;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * The rules of surveys: what makes a well-formed survey, a complete answer, and a satisfied one.
 *
 * <ul>
 * <li>Question codes are unique; a choice question has at least two options with unique codes; the
 * other types have none.</li>
 * <li>The satisfaction rule names a required rating or choice question: a rating of at least
 * {@code min} (1–5), or one of the listed options, counts as satisfied. A survey opens only with a
 * rule.</li>
 * <li>An answer gives every required question, each question at most once, a rating 1–5 for a
 * rating question, a listed option for a choice question, a non-blank text for a free-text
 * question, and nothing else.</li>
 * </ul>
 */
public final class Scoring {

    private Scoring() {
    }

    /** A checked answer. */
    public record Answer(String question, Integer rating, String choice, String text) {
    }

    /**
     * Checks the questions and the satisfaction rule of a survey.
     *
     * @param questions the questions
     * @param rule the satisfaction rule, or {@code null}
     * @return the questions and options as stored
     * @throws ProblemException 400 naming every problem
     */
    public static Checked survey(List<Dto.QuestionInput> questions, Dto.SatisfactionRule rule) {
        List<FieldError> errors = new ArrayList<>();
        List<SurveyQuestion> out = new ArrayList<>();
        List<ChoiceOption> options = new ArrayList<>();
        Map<String, Dto.QuestionInput> byCode = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            Dto.QuestionInput q = questions.get(i);
            String f = "questions[" + i + "]";
            if (byCode.putIfAbsent(q.code(), q) != null) {
                errors.add(new FieldError(f + ".code", "is used by another question: " + q.code()));
            }
            List<Dto.OptionInput> opts = q.options() == null ? List.of() : q.options();
            if (q.type() == QuestionType.CHOICE) {
                if (opts.size() < 2) {
                    errors.add(new FieldError(f + ".options", "a choice question needs at least 2 options"));
                }
                Set<String> seen = new HashSet<>();
                for (int j = 0; j < opts.size(); j++) {
                    if (!seen.add(opts.get(j).code())) {
                        errors.add(new FieldError(f + ".options[" + j + "].code", "is used by another option: " + opts.get(j).code()));
                    }
                    options.add(new ChoiceOption(q.code(), opts.get(j).code(), opts.get(j).label().ja().strip(),
                            Support.blank(opts.get(j).label().en())));
                }
            } else if (!opts.isEmpty()) {
                errors.add(new FieldError(f + ".options", "only a choice question has options"));
            }
            out.add(new SurveyQuestion(q.code(), q.type(), q.text().ja().strip(), Support.blank(q.text().en()),
                    q.required() == null || q.required()));
        }
        if (rule != null) {
            Dto.QuestionInput q = byCode.get(rule.question());
            List<String> chosen = rule.options() == null ? List.of() : rule.options();
            if (q == null) {
                errors.add(new FieldError("satisfiedWhen.question", "no question with code " + rule.question()));
            } else {
                if (q.required() != null && !q.required()) {
                    errors.add(new FieldError("satisfiedWhen.question", "the question that decides satisfaction must be required"));
                }
                switch (q.type()) {
                    case LIKERT_1_5 -> {
                        if (rule.min() == null) {
                            errors.add(new FieldError("satisfiedWhen.min", "is required for a rating question (for example 4)"));
                        }
                        if (!chosen.isEmpty()) {
                            errors.add(new FieldError("satisfiedWhen.options", "only for a choice question"));
                        }
                    }
                    case CHOICE -> {
                        if (rule.min() != null) {
                            errors.add(new FieldError("satisfiedWhen.min", "only for a rating question"));
                        }
                        if (chosen.isEmpty()) {
                            errors.add(new FieldError("satisfiedWhen.options", "name the options that count as satisfied"));
                        }
                        Set<String> codes = new HashSet<>();
                        (q.options() == null ? List.<Dto.OptionInput>of() : q.options()).forEach(o -> codes.add(o.code()));
                        for (String c : chosen) {
                            if (!codes.contains(c)) {
                                errors.add(new FieldError("satisfiedWhen.options", "question " + q.code() + " has no option " + c));
                            }
                        }
                    }
                    default -> errors.add(new FieldError("satisfiedWhen.question", "a free-text question cannot decide satisfaction"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Checked(out, options);
    }

    /** Questions and options as stored. */
    public record Checked(List<SurveyQuestion> questions, List<ChoiceOption> options) {
    }

    /**
     * Checks an answer against a survey.
     *
     * @param survey the survey
     * @param items what was answered
     * @return the answers by question code, in the survey's order
     * @throws ProblemException 400 naming every problem ({@code answers[i].rating} ...)
     */
    public static Map<String, Answer> answers(Survey survey, List<Dto.AnswerItem> items) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, SurveyQuestion> questions = new LinkedHashMap<>();
        survey.questions().forEach(q -> questions.put(q.code(), q));
        Map<String, Answer> given = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Dto.AnswerItem a = items.get(i);
            String f = "answers[" + i + "]";
            SurveyQuestion q = questions.get(a.question());
            if (q == null) {
                errors.add(new FieldError(f + ".question", "the survey has no question " + a.question()));
                continue;
            }
            if (given.containsKey(q.code())) {
                errors.add(new FieldError(f + ".question", "question " + q.code() + " is answered twice"));
                continue;
            }
            String text = Support.blank(a.text());
            switch (q.type()) {
                case LIKERT_1_5 -> {
                    if (a.rating() == null || a.rating() < 1 || a.rating() > 5) {
                        errors.add(new FieldError(f + ".rating", "must be a rating from 1 to 5"));
                    }
                    if (a.choice() != null || text != null) {
                        errors.add(new FieldError(f + ".rating", "a rating question takes only a rating"));
                    }
                    given.put(q.code(), new Answer(q.code(), a.rating(), null, null));
                }
                case CHOICE -> {
                    boolean known = survey.options().stream()
                            .anyMatch(o -> o.questionCode().equals(q.code()) && o.code().equals(a.choice()));
                    if (!known) {
                        errors.add(new FieldError(f + ".choice", "must be one of the options of question " + q.code()));
                    }
                    if (a.rating() != null || text != null) {
                        errors.add(new FieldError(f + ".choice", "a choice question takes only a choice"));
                    }
                    given.put(q.code(), new Answer(q.code(), null, a.choice(), null));
                }
                default -> {
                    if (text == null) {
                        errors.add(new FieldError(f + ".text", "must not be blank (leave the question out to skip it)"));
                    }
                    if (a.rating() != null || a.choice() != null) {
                        errors.add(new FieldError(f + ".text", "a free-text question takes only a text"));
                    }
                    given.put(q.code(), new Answer(q.code(), null, null, text));
                }
            }
        }
        for (SurveyQuestion q : questions.values()) {
            if (q.required() && !given.containsKey(q.code())) {
                errors.add(new FieldError("answers", "question " + q.code() + " is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<String, Answer> ordered = new LinkedHashMap<>();
        questions.keySet().forEach(code -> {
            if (given.containsKey(code)) {
                ordered.put(code, given.get(code));
            }
        });
        return ordered;
    }

    /**
     * Whether checked answers count as satisfied under the survey's rule.
     *
     * @param survey the survey (with a rule)
     * @param answers the checked answers
     * @return {@code true} if satisfied
     */
    public static boolean satisfied(Survey survey, Map<String, Answer> answers) {
        Answer a = answers.get(survey.satisfiedQuestion());
        if (a == null) {
            return false;
        }
        if (survey.satisfiedMin() != null) {
            return a.rating() != null && a.rating() >= survey.satisfiedMin();
        }
        return a.choice() != null && survey.satisfiedOptions().contains(a.choice());
    }
}
