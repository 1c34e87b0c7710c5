package io.sparkads.reporting.web;

import io.sparkads.common.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A report's dates, chosen as people do (today, yesterday, the last 7 or 30 days, or two dates),
 * counted in the ad account's time zone: "today" in New York starts at midnight in New York.
 */
record ReportRange(String key, LocalDate from, LocalDate to) {
    static final int MAX_DAYS = 365;

    /** The choices of the range menu: key and label. */
    record Choice(String key, String label) {}

    static final List<Choice> CHOICES =
            List.of(
                    new Choice("today", "Today"),
                    new Choice("yesterday", "Yesterday"),
                    new Choice("last7", "Last 7 days"),
                    new Choice("last30", "Last 30 days"),
                    new Choice("custom", "Custom dates"));

    /**
     * The range a page asked for; a range a person cannot mean (an end before the start, a date
     * that is not one) is refused with what to change.
     */
    static ReportRange of(String key, String from, String to, ZoneId zone, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String chosen = key == null || key.isBlank() ? "last7" : key;
        return switch (chosen) {
            case "today" -> new ReportRange(chosen, today, today);
            case "yesterday" -> new ReportRange(chosen, today.minusDays(1), today.minusDays(1));
            case "last7" -> new ReportRange(chosen, today.minusDays(6), today);
            case "last30" -> new ReportRange(chosen, today.minusDays(29), today);
            case "custom" ->
                    blank(from) && blank(to)
                            // Choosing "custom" starts from the last 7 days, to be changed.
                            ? new ReportRange(chosen, today.minusDays(6), today)
                            : custom(date("Start date", from), date("End date", to));
            default ->
                    throw Refusal.invalid(
                            "Choose the dates as today, yesterday, last 7 days, last 30 days or"
                                    + " custom dates; “"
                                    + chosen
                                    + "” is not one of them.");
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static ReportRange custom(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw Refusal.invalid(
                    "The end date ("
                            + to
                            + ") is before the start date ("
                            + from
                            + "); choose an end date on or after the start date.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw Refusal.invalid(
                    "A report covers at most " + MAX_DAYS + " days; choose dates closer together.");
        }
        return new ReportRange("custom", from, to);
    }

    private static LocalDate date(String label, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.invalid(label + " is missing; pick a date for custom dates.");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(
                    label + " “" + value + "” is not a date; use the form 2026-11-26.");
        }
    }

    public boolean singleDay() {
        return from.equals(to);
    }

    /** As the page and the export name it: {@code 2026-11-24 to 2026-11-30}. */
    public String label() {
        return singleDay() ? from.toString() : from + " to " + to;
    }
}
