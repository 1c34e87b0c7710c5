package io.sparkads.trends;

import io.sparkads.common.Refusal;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** TikTok's Trend Discovery windows; the wire name is the days and "DAY": {@code 7DAY}, … */
public enum DateRange {
    LAST_1_DAY(1),
    LAST_7_DAYS(7),
    LAST_30_DAYS(30),
    LAST_120_DAYS(120);

    private final int days;

    DateRange(int days) {
        this.days = days;
    }

    public String wireName() {
        return days + "DAY";
    }

    public int days() {
        return days;
    }

    public Duration length() {
        return Duration.ofDays(days);
    }

    /** The range a request names; none named is the last 7 days. */
    public static DateRange fromWire(String raw) {
        if (raw == null) {
            return LAST_7_DAYS;
        }
        return Arrays.stream(values())
                .filter(range -> range.wireName().equals(raw))
                .findFirst()
                .orElseThrow(
                        () ->
                                Refusal.invalid(
                                        "date_range must be one of "
                                                + Arrays.stream(values())
                                                        .map(DateRange::wireName)
                                                        .collect(Collectors.joining(", "))
                                                + "; was '"
                                                + raw
                                                + "'"));
    }
}
