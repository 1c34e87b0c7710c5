package io.sparkads.trends;

import io.sparkads.common.Refusal;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** TikTok's Trend Discovery windows, by their wire names ({@code 7DAY}, …). */
public enum DateRange {
    LAST_7_DAYS("7DAY", Duration.ofDays(7)),
    LAST_30_DAYS("30DAY", Duration.ofDays(30)),
    LAST_120_DAYS("120DAY", Duration.ofDays(120));

    private final String wireName;
    private final Duration length;

    DateRange(String wireName, Duration length) {
        this.wireName = wireName;
        this.length = length;
    }

    public String wireName() {
        return wireName;
    }

    public Duration length() {
        return length;
    }

    /** The range a request names; none named is the last 7 days. */
    public static DateRange fromWire(String raw) {
        if (raw == null) {
            return LAST_7_DAYS;
        }
        return Arrays.stream(values())
                .filter(r -> r.wireName.equals(raw))
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
