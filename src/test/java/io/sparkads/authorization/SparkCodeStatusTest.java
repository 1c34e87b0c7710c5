package io.sparkads.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SparkCodeStatusTest {
    static final Instant END = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aLiveCodeExpiresAtItsEndWhetherOrNotAnythingStoredIt() {
        assertThat(SparkCodeStatus.IN_USE.asOf(END.minusMillis(1), END))
                .isEqualTo(SparkCodeStatus.IN_USE);
        assertThat(SparkCodeStatus.IN_USE.asOf(END, END)).isEqualTo(SparkCodeStatus.EXPIRED);
        assertThat(SparkCodeStatus.NOT_USED.asOf(END.plusSeconds(1), END))
                .isEqualTo(SparkCodeStatus.EXPIRED);
    }

    @Test
    void aRevokedCodeStaysRevokedAfterItsEnd() {
        assertThat(SparkCodeStatus.REVOKED.asOf(END.plusSeconds(1), END))
                .isEqualTo(SparkCodeStatus.REVOKED);
    }

    @Test
    void tiktoksAuthStatusNamesTheOutcome() {
        assertThat(SparkCodeStatus.NOT_USED.adAuthStatus()).isEqualTo("AUTHORIZED");
        assertThat(SparkCodeStatus.EXPIRED.adAuthStatus()).isEqualTo("EXPIRED");
        assertThat(SparkCodeStatus.REVOKED.adAuthStatus()).isEqualTo("REVOKED");
    }
}
