package io.sparkads.common.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** How pages show times: in UTC, to the minute, as {@code ${@times.format(instant)}}. */
@Component("times")
class PageTimes {
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public String format(Instant instant) {
        return instant == null ? "—" : MINUTES.format(instant);
    }

    /**
     * A time in the ad account's zone, e.g. for schedules: {@code 2026-11-26 05:00
     * America/New_York}.
     */
    public String format(Instant instant, ZoneId zone) {
        return instant == null
                ? "—"
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(instant.atZone(zone))
                        + " "
                        + zone.getId();
    }

    public String date(Instant instant) {
        return instant == null ? "—" : DAY.format(instant);
    }
}
