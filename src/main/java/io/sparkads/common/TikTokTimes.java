package io.sparkads.common;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** TikTok's wire format for times: {@code 2026-11-26 10:00:00}, in UTC. */
public final class TikTokTimes {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TikTokTimes() {}

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** The time as the ad account reads it: TikTok's format in the account's time zone. */
    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : FORMAT.format(instant.atZone(zone));
    }

    /**
     * Parses TikTok's format as a time in the given zone (the ad account's), or ISO-8601 with its
     * own offset; {@code null} stays {@code null}.
     */
    public static Instant parse(String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), FORMAT).atZone(zone).toInstant();
        } catch (DateTimeParseException notTikTok) {
            return parse(field, value);
        }
    }

    /** Parses TikTok's format, or ISO-8601 with a zone; {@code null} stays {@code null}. */
    public static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip(), FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notTikTok) {
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw Refusal.invalid(
                        field
                                + " must be a UTC time like 2026-11-26 10:00:00; was '"
                                + value
                                + "'");
            }
        }
    }
}
