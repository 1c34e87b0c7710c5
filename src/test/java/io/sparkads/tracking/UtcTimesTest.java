package io.sparkads.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcTimesTest {
    private static final Random RANDOM = new Random(42);

    @Test
    void readsEveryPlainUtcFormAsInstantParseDoes() {
        for (int i = 0; i < 20_000; i++) {
            Instant instant = randomInstant();
            int digits = i % 10;
            String plain =
                    instant.toString().substring(0, 19)
                            + (digits == 0
                                    ? ""
                                    : "."
                                            + String.format("%09d", instant.getNano())
                                                    .substring(0, digits))
                            + "Z";

            assertThat(UtcTimes.parse(plain)).as(plain).isEqualTo(Instant.parse(plain));
        }
    }

    @Test
    void writesAFormThatReadsBackAsTheSameInstant() {
        for (int i = 0; i < 20_000; i++) {
            Instant instant = randomInstant();

            assertThat(Instant.parse(UtcTimes.format(instant))).isEqualTo(instant);
        }
        assertThat(UtcTimes.format(Instant.parse("2026-11-26T10:00:00Z")))
                .isEqualTo("2026-11-26T10:00:00.000000000Z");
        assertThat(UtcTimes.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isEqualTo("+10000-01-01T00:00:00Z");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-26T10:00:00+01:00",
                "2016-12-31T23:59:60Z",
                "2026-11-26T24:00:00Z",
                "2026-11-26T10:00:00.Z",
                "2026-11-26t10:00:00z",
                "0000-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z"
            })
    void hasOtherFormsReadAsInstantParseReadsThem(String text) {
        assertThat(UtcTimes.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-30T10:00:00Z",
                "2026-11-26T10:00:00.1234567890Z",
                "2026-11-26 10:00:00Z",
                "2026-13-01T10:00:00Z",
                "2026-11-26T10:0a:00Z",
                "2026-11-26T10:00:00",
                "yesterday",
                ""
            })
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> Instant.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> UtcTimes.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    private static Instant randomInstant() {
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        return Instant.ofEpochSecond(
                from + (long) (RANDOM.nextDouble() * (to - from)), RANDOM.nextInt(1_000_000_000));
    }
}
