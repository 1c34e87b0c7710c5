package io.sparkads.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommonTest {

    @Test
    void idsAreUniqueAndGrow() {
        Set<Long> seen = new HashSet<>();
        long previous = 0;
        for (int i = 0; i < 100_000; i++) {
            long id = Ids.next();
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
    }

    @Test
    void onlyPositiveDecimalIdsParse() {
        assertThat(Ids.parse("7123456789")).isEqualTo(7123456789L);
        assertThat(Ids.parse("0")).isNull();
        assertThat(Ids.parse("-5")).isNull();
        assertThat(Ids.parse("12a")).isNull();
        assertThat(Ids.parse("99999999999999999999")).isNull();
        assertThat(Ids.parse(null)).isNull();
    }

    @Test
    void aTokenReachesOnlyItsOwnAdvertisers() {
        BusinessCaller caller = new BusinessCaller(1, Set.of(10L, 11L));
        assertThat(caller.advertiser("10")).isEqualTo(10L);
        assertThatThrownBy(() -> caller.advertiser("12"))
                .isInstanceOfSatisfying(
                        BusinessApiException.class,
                        e -> assertThat(e.code()).isEqualTo(BusinessApiException.AUTH));
        assertThatThrownBy(() -> caller.advertiser("x"))
                .isInstanceOfSatisfying(
                        BusinessApiException.class,
                        e -> assertThat(e.code()).isEqualTo(BusinessApiException.PARAMETER));
        assertThatThrownBy(() -> caller.advertiser(null))
                .isInstanceOfSatisfying(
                        BusinessApiException.class,
                        e -> assertThat(e.getMessage()).contains("advertiser_id"));
    }

    @Test
    void tiktokTimesRoundTripInUtc() {
        Instant t = Instant.parse("2026-11-26T10:15:30Z");
        assertThat(TikTokTimes.format(t)).isEqualTo("2026-11-26 10:15:30");
        assertThat(TikTokTimes.parse("x", "2026-11-26 10:15:30")).isEqualTo(t);
        assertThat(TikTokTimes.parse("x", "2026-11-26T10:15:30Z")).isEqualTo(t);
        assertThatThrownBy(() -> TikTokTimes.parse("schedule_end_time", "tomorrow"))
                .hasMessageContaining("schedule_end_time");
    }

    @Test
    void pagesAreCheckedAndCountedFromOne() {
        assertThat(new PageRequest(3, 20).offset()).isEqualTo(40);
        assertThat(PageInfo.of(new PageRequest(1, 20), 41).totalPage()).isEqualTo(3);
        assertThatThrownBy(() -> new PageRequest(0, 20)).hasMessageContaining("page");
        assertThatThrownBy(() -> new PageRequest(1, 5000)).hasMessageContaining("page_size");
    }
}
