package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** Field checks whose messages name the field and say what is allowed. */
final class Check {
    private Check() {}

    static void name(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(field + " is required");
        }
        if (value.length() > 512) {
            throw Refusal.invalid(field + " must be at most 512 characters");
        }
    }

    static void oneOf(String field, String value, Set<String> allowed) {
        refuseUnlessAllowed(field + " must be one of ", value, allowed, "; was ");
    }

    /**
     * The constant of a TikTok enum a request names, by its wire name; {@code null} is the
     * fallback, or refused when there is none.
     */
    static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, E fallback) {
        if (value == null && fallback != null) {
            return fallback;
        }
        Set<String> names = new TreeSet<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        oneOf(field, value, names);
        return Enum.valueOf(type, value);
    }

    static void allOf(String field, Collection<String> values, Set<String> allowed) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            refuseUnlessAllowed(field + " may hold only ", value, allowed, "; got ");
        }
    }

    /** Refuses a value outside the allowed ones, listing them in order so the message is stable. */
    private static void refuseUnlessAllowed(
            String rule, String value, Set<String> allowed, String given) {
        if (value == null || !allowed.contains(value)) {
            throw Refusal.invalid(
                    rule + String.join(", ", new TreeSet<>(allowed)) + given + quoted(value));
        }
    }

    static void notEmpty(String field, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            throw Refusal.invalid(field + " must not be empty");
        }
    }

    static void httpsUrl(String field, String value) {
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme())
                    || uri.getHost() == null
                    || uri.getHost().isBlank()) {
                throw Refusal.invalid(
                        field
                                + " must be an https URL such as https://example.com/page; was "
                                + quoted(value));
            }
        } catch (URISyntaxException e) {
            throw Refusal.invalid(field + " is not a well-formed URL: " + quoted(value));
        }
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
