package io.sparkads.trends;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/**
 * A board's window: the {@code days} UTC days ending on {@code end}, today included, so the board
 * moves with every accepted event. Its rank change compares with the window of the same length just
 * before it.
 */
public record TrendWindow(LocalDate end, int days) {
    public TrendWindow {
        if (days < 1) {
            throw new IllegalArgumentException("a window holds at least one day");
        }
    }

    /** The window of {@code range} ending on the clock's UTC day. */
    public static TrendWindow endingToday(Clock clock, DateRange range) {
        return new TrendWindow(today(clock), range.days());
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public LocalDate start() {
        return end.minusDays(days - 1L);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && !day.isAfter(end);
    }

    /** The window of the same length that ends the day before this one starts. */
    public TrendWindow previous() {
        return new TrendWindow(start().minusDays(1), days);
    }

    /** Its days, first to last. */
    public List<LocalDate> dates() {
        return Stream.iterate(start(), d -> !d.isAfter(end), d -> d.plusDays(1)).toList();
    }
}
