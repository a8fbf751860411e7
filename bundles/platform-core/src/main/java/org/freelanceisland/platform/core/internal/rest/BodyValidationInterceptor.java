package org.freelanceisland.platform.core.internal.rest;

import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;

import javax.validation.ConstraintViolation;
import javax.validation.ConstraintViolationException;
import javax.validation.Validator;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;

import org.freelanceisland.platform.rest.ProblemException;

/**
 * Validates every request body after it is read: bean validation constraints on the body's type
 * are checked (their messages in the caller's language, {@code Accept-Language}: Japanese or
 * English), and an empty body where one is expected is refused.
 */
final class BodyValidationInterceptor implements ReaderInterceptor {

    private final Supplier<Validator> validator;

    BodyValidationInterceptor(Supplier<Validator> validator) {
        this.validator = validator;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (entity == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        if (entity.getClass().getName().startsWith("java.")) {
            return entity;
        }
        Set<ConstraintViolation<Object>> violations = LocalizedInterpolator.in(
                LocalizedInterpolator.of(context.getHeaders().getFirst("Accept-Language")), () -> validator.get().validate(entity));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return entity;
    }
}
