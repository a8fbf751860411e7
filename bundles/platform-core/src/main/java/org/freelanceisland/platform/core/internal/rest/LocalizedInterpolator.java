package org.freelanceisland.platform.core.internal.rest;

import java.util.List;
import java.util.Locale;

import javax.validation.MessageInterpolator;

/**
 * Words bean validation messages in the language the caller asked for ({@code Accept-Language}):
 * Japanese for the staff console in Japanese (Hibernate Validator ships the Japanese messages),
 * English otherwise. The request's language is set around each validation.
 */
final class LocalizedInterpolator implements MessageInterpolator {

    /** The languages the API words its messages in, the default first. */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private static final ThreadLocal<Locale> CURRENT = new ThreadLocal<>();

    private final MessageInterpolator delegate;

    LocalizedInterpolator(MessageInterpolator delegate) {
        this.delegate = delegate;
    }

    /**
     * The language of a request.
     *
     * @param acceptLanguage the request's {@code Accept-Language}, or {@code null}
     * @return Japanese or English
     */
    static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), LANGUAGES);
            return match == null ? Locale.ENGLISH : match;
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /**
     * Runs validation with messages in a language.
     *
     * @param <T> the result type
     * @param locale the language
     * @param validation the validation
     * @return its result
     */
    static <T> T in(Locale locale, java.util.function.Supplier<T> validation) {
        Locale previous = CURRENT.get();
        CURRENT.set(locale);
        try {
            return validation.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @Override
    public String interpolate(String messageTemplate, Context context) {
        Locale locale = CURRENT.get();
        return delegate.interpolate(messageTemplate, context, locale == null ? Locale.ENGLISH : locale);
    }

    @Override
    public String interpolate(String messageTemplate, Context context, Locale locale) {
        return delegate.interpolate(messageTemplate, context, locale);
    }
}
