package io.sparkads.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.common.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TrendWindowTest {
    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aSevenDayWindowEndsOnTodayInUtcAndHoldsSevenDays() {
        TrendWindow week =
                TrendWindow.endingToday(at("2026-12-01T23:59:59Z"), DateRange.LAST_7_DAYS);

        assertThat(week.end()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(week.dates()).hasSize(7).first().isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(week.contains(LocalDate.of(2026, 11, 24))).isFalse();
        assertThat(week.contains(LocalDate.of(2026, 11, 25))).isTrue();
        assertThat(week.contains(LocalDate.of(2026, 12, 2))).isFalse();
    }

    @Test
    void theWindowMovesAtUtcMidnightNotBefore() {
        Clock beforeMidnight = at("2026-12-01T23:59:59Z");
        Clock afterMidnight = at("2026-12-02T00:00:00Z");

        assertThat(TrendWindow.endingToday(beforeMidnight, DateRange.LAST_1_DAY).dates())
                .containsExactly(LocalDate.of(2026, 12, 1));
        assertThat(TrendWindow.endingToday(afterMidnight, DateRange.LAST_1_DAY).dates())
                .containsExactly(LocalDate.of(2026, 12, 2));
    }

    @Test
    void thePreviousWindowHasTheSameLengthAndEndsTheDayBeforeThisOneStarts() {
        for (DateRange range : DateRange.values()) {
            TrendWindow window = TrendWindow.endingToday(at("2026-12-01T12:00:00Z"), range);
            TrendWindow previous = window.previous();

            assertThat(previous.days()).isEqualTo(range.days());
            assertThat(previous.end()).isEqualTo(window.start().minusDays(1));
            assertThat(previous.dates())
                    .hasSize(range.days())
                    .doesNotContainAnyElementsOf(window.dates());
        }
        assertThat(new TrendWindow(LocalDate.of(2026, 12, 1), 30).previous().start())
                .isEqualTo(LocalDate.of(2026, 10, 3));
    }

    @Test
    void dateRangesAreTikToksFourWindows() {
        assertThat(DateRange.fromWire("1DAY").days()).isEqualTo(1);
        assertThat(DateRange.fromWire("120DAY").days()).isEqualTo(120);
        assertThat(DateRange.fromWire(null)).isEqualTo(DateRange.LAST_7_DAYS);
        assertThatThrownBy(() -> DateRange.fromWire("90DAY"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("1DAY, 7DAY, 30DAY, 120DAY");
    }
}
