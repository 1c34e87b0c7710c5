package io.sparkads.common.web;

import io.sparkads.common.Quotes;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns an unreadable request body into a sentence that names the field and what it expected,
 * quoting at most ~100 characters of what was sent and never a class name.
 */
final class RequestBodyErrors {
    private RequestBodyErrors() {}

    static String describe(HttpMessageNotReadableException e) {
        if (e.getMessage() != null
                && e.getMessage().startsWith("Required request body is missing")) {
            return MISSING;
        }
        return ClientMessages.clean(explain(e.getMostSpecificCause()));
    }

    /** The same sentence for a body a listener outside Spring MVC read with Jackson. */
    static String describe(JacksonException e) {
        return ClientMessages.clean(explain(e));
    }

    static final String MISSING = "The request body is missing: send a JSON object";

    private static String explain(Throwable cause) {
        if (cause instanceof StreamConstraintsException) {
            return "The request body is too large to read: a number, a text or the nesting of"
                    + " objects and arrays exceeds what is accepted ("
                    + firstLine(cause.getMessage())
                    + ")";
        }
        if (cause instanceof StreamReadException) {
            return "The request body is not valid JSON: " + firstLine(cause.getMessage());
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field =
                    jackson.getPath().stream()
                            .map(
                                    ref ->
                                            ref.getPropertyName() != null
                                                    ? ref.getPropertyName()
                                                    : "[" + ref.getIndex() + "]")
                            .collect(Collectors.joining("."))
                            .replace(".[", "[");
            if (cause instanceof UnrecognizedPropertyException) {
                return "Unknown field '" + field + "'";
            }
            if (cause instanceof InvalidFormatException invalid
                    && TextInputConfiguration.holdsNul(invalid.getValue())) {
                return "Field '"
                        + field
                        + "' must not contain the NUL character (\\u0000); remove it";
            }
            if (cause instanceof InvalidFormatException invalid) {
                return "Field '"
                        + field
                        + "' has an invalid value "
                        + quote(invalid.getValue())
                        + expected(invalid.getTargetType());
            }
            if (cause instanceof MismatchedInputException mismatched) {
                return "Field '"
                        + field
                        + "' has the wrong type"
                        + expected(mismatched.getTargetType());
            }
            return "Field '" + field + "' is invalid: " + firstLine(cause.getMessage());
        }
        if (cause instanceof MismatchedInputException) {
            return "The request body must be a JSON object";
        }
        return "The request body could not be read: " + firstLine(cause.getMessage());
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                names.append(names.isEmpty() ? "" : ", ").append(constant);
            }
            return "; expected one of " + names;
        }
        String name = type.getSimpleName();
        return switch (name) {
            case "Integer", "int", "Long", "long" -> "; expected a whole number";
            case "Double", "double", "BigDecimal" -> "; expected a number";
            case "Boolean", "boolean" -> "; expected true or false";
            case "String" -> "; expected a string";
            case "Instant", "OffsetDateTime" -> "; expected a time like 2026-11-26T10:00:00Z";
            case "LocalDate" -> "; expected a date like 2026-11-26";
            default ->
                    type.isArray() || Collection.class.isAssignableFrom(type)
                            ? "; expected an array"
                            : "; expected " + name;
        };
    }

    private static String quote(Object value) {
        return value instanceof String ? Quotes.of(value) : Quotes.shorten(String.valueOf(value));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
