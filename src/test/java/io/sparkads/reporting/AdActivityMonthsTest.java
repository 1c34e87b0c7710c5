package io.sparkads.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AdActivityMonthsTest {

    @Test
    void givenARangeWithinAMonthWhenMaskedThenOnlyItsDaysBitsAreSet() {
        // when
        int mask = AdActivityMonths.daysMask(5, 20);

        // then: bit d-1 for day d
        assertThat(mask & (1 << 3)).as("day 4").isZero();
        assertThat(mask & (1 << 4)).as("day 5").isNotZero();
        assertThat(mask & (1 << 19)).as("day 20").isNotZero();
        assertThat(mask & (1 << 20)).as("day 21").isZero();
        assertThat(Integer.bitCount(mask)).isEqualTo(16);
    }

    @Test
    void givenAWholeMonthWhenMaskedThenAll31DaysAndNothingElseAreSet() {
        assertThat(AdActivityMonths.daysMask(1, 31)).isEqualTo(0x7FFF_FFFF);
        assertThat(AdActivityMonths.daysMask(31, 31)).isEqualTo(1 << 30);
        assertThat(AdActivityMonths.daysMask(1, 1)).isEqualTo(1);
    }

    @Test
    void givenADayWhenItsMonthIsAskedThenTheFirstOfTheMonthIsGiven() {
        assertThat(AdActivityMonths.monthOf(LocalDate.of(2026, 10, 29)))
                .isEqualTo(LocalDate.of(2026, 10, 1));
    }
}
