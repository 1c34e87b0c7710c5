package io.sparkads.campaigns.web;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads what people type into the Ads Manager's forms. Fields arrive as text, so that a page that
 * refuses a value can show it again as typed; these turn them into the services' types ({@link
 * FormErrors} reads the numbers, recording each problem in the form's words).
 */
final class FormValues {
    /** What a {@code datetime-local} input sends; schedules are in the ad account's time zone. */
    private static final DateTimeFormatter LOCAL_MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private FormValues() {}

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The constant of the enum a form names by its name; {@code null} when it names none. */
    static <E extends Enum<E>> E constant(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    /** A comma- or space-separated list, upper-cased for country codes when asked. */
    static List<String> list(String value, boolean upperCase) {
        String text = text(value);
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+"))
                .filter(s -> !s.isBlank())
                .map(s -> upperCase ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /**
     * A time from a {@code datetime-local} input, read in the ad account's time zone; {@code null}
     * when left empty.
     */
    static Instant at(String label, String value, ZoneId zone) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            String minutes = text.length() > 16 ? text.substring(0, 16) : text;
            return LocalDateTime.parse(minutes, LOCAL_MINUTES).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(label + " must be a date and time such as 2026-12-01 09:00");
        }
    }

    /** The value a {@code datetime-local} input shows for a time, in the ad account's zone. */
    static String local(Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL_MINUTES.format(instant.atZone(zone));
    }

    static Long id(String value) {
        return Ids.parse(text(value));
    }

    /**
     * A refusal as the form shows it: the Business API's position prefix ({@code creatives[0].})
     * means nothing on a page that creates one ad.
     */
    static String message(Refusal refusal) {
        return refusal.getMessage().replaceFirst("^creatives\\[\\d+\\][.:]\\s*", "");
    }
}
