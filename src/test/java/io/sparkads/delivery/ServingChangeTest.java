package io.sparkads.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.delivery.ServingChange.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ServingChangeTest {
    private static final Instant COMMITTED = Instant.parse("2026-12-02T03:04:05.123456Z");

    @Test
    void aChangeReadsBackAsItWasWritten() {
        var change = new ServingChange("server-a", Kind.REVOKED, COMMITTED, List.of(7L, 42L));

        List<String> payloads = change.payloads();

        assertThat(payloads)
                .containsExactly("v1;server-a;REVOKED;2026-12-02T03:04:05.123456Z;7,42");
        assertThat(ServingChange.parse(payloads.get(0))).isEqualTo(change);
    }

    @Test
    void aLongListIsSplitIntoNotificationsPostgresAccepts() {
        List<Long> ids =
                LongStream.range(0, 2_000)
                        .map(i -> 7_000_000_000_000_000_000L + i)
                        .boxed()
                        .toList();
        var change = new ServingChange("server-a", Kind.CHANGED, COMMITTED, ids);

        List<String> payloads = change.payloads();

        assertThat(payloads).hasSizeGreaterThan(1);
        assertThat(payloads)
                .allSatisfy(
                        p ->
                                assertThat(p.getBytes(StandardCharsets.UTF_8).length)
                                        .isLessThanOrEqualTo(ServingChange.MAX_PAYLOAD_BYTES)
                                        .isLessThan(8000));
        List<Long> read = new ArrayList<>();
        for (String payload : payloads) {
            ServingChange part = ServingChange.parse(payload);
            assertThat(part.kind()).isEqualTo(Kind.CHANGED);
            assertThat(part.serverId()).isEqualTo("server-a");
            assertThat(part.committedAt()).isEqualTo(COMMITTED);
            read.addAll(part.adIds());
        }
        assertThat(read).isEqualTo(ids);
    }

    @Test
    void eachSliceIsFilledUpToTheLimit() {
        var change =
                new ServingChange(
                        "s", Kind.CHANGED, COMMITTED, List.of(1111L, 2222L, 3333L, 4444L));
        String head = "v1;s;CHANGED;2026-12-02T03:04:05.123456Z;";

        // room for two ids and the comma between them, not for a third
        List<String> payloads = change.payloads(head.length() + 13);

        assertThat(payloads).containsExactly(head + "1111,2222", head + "3333,4444");
    }

    @Test
    void noIdsMeansNoNotification() {
        assertThat(new ServingChange("s", Kind.BUDGET, COMMITTED, List.of()).payloads()).isEmpty();
    }

    @Test
    void aPayloadThisVersionCannotReadIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> ServingChange.parse("hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v1;<server>;<kind>;<instant>;<ad ids>");
        assertThatThrownBy(() -> ServingChange.parse("v1;a;PAUSED;2026-12-02T03:04:05Z;1"))
                .hasMessageContaining("unknown serving change kind 'PAUSED'");
        assertThatThrownBy(() -> ServingChange.parse("v1;a;CHANGED;yesterday;1"))
                .hasMessageContaining("ISO instant");
        assertThatThrownBy(() -> ServingChange.parse("v1;a;CHANGED;2026-12-02T03:04:05Z;1,x"))
                .hasMessageContaining("found 'x'");
        assertThatThrownBy(() -> ServingChange.parse(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theServerIdCannotBreakTheFormat() {
        assertThatThrownBy(() -> new ServingChange("a;b", Kind.CHANGED, COMMITTED, List.of(1L)))
                .hasMessageContaining("without ';'");
    }

    @Test
    void onlyRevocationsAndUnlinksDropAdsWithoutReadingThemAgain() {
        assertThat(List.of(Kind.values()).stream().filter(Kind::removes))
                .containsExactly(Kind.REVOKED, Kind.UNLINKED);
    }
}
