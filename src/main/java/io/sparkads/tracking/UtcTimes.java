package io.sparkads.tracking;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads and writes the UTC times of events ({@code 2026-11-26T10:00:00.123Z}) without {@link
 * java.time.format.DateTimeFormatter}, which costs intake more per event than all of its other
 * checks together. The same answers as {@link Instant#parse} and an ISO form PostgreSQL reads as
 * the same instant; anything but the plain UTC form (an offset, a leap second, a year past 9999)
 * goes to {@link Instant#parse} and {@link Instant#toString}.
 */
final class UtcTimes {
    private static final int DATE_AND_TIME = "2026-11-26T10:00:00".length();

    private UtcTimes() {}

    /** As {@link Instant#parse}: throws {@link java.time.format.DateTimeParseException}. */
    static Instant parse(String text) {
        Instant plain = plainUtc(text);
        return plain != null ? plain : Instant.parse(text);
    }

    /** An ISO-8601 UTC form of the instant with all its digits. */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return instant.toString();
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        char[] out = "0000-00-00T00:00:00.000000000Z".toCharArray();
        digits(out, 0, 4, date.getYear());
        digits(out, 5, 2, date.getMonthValue());
        digits(out, 8, 2, date.getDayOfMonth());
        digits(out, 11, 2, secondOfDay / 3600);
        digits(out, 14, 2, secondOfDay / 60 % 60);
        digits(out, 17, 2, secondOfDay % 60);
        digits(out, 20, 9, instant.getNano());
        return new String(out);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} as an instant, or null for any other text. */
    private static Instant plainUtc(String text) {
        int length = text.length();
        if (length < DATE_AND_TIME + 1
                || length == DATE_AND_TIME + 2
                || length > DATE_AND_TIME + 11
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z'
                || (length > DATE_AND_TIME + 1 && text.charAt(DATE_AND_TIME) != '.')) {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int fraction = length > DATE_AND_TIME + 1 ? number(text, 20, length - 21) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        for (int i = length - 21; i < 9; i++) {
            fraction *= 10;
        }
        return Instant.ofEpochSecond(
                epochDay * 86_400 + hour * 3600L + minute * 60L + second, fraction);
    }

    /** The decimal number in {@code count} characters from {@code from}, or -1. */
    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void digits(char[] out, int from, int count, int value) {
        for (int i = from + count - 1; i >= from; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
