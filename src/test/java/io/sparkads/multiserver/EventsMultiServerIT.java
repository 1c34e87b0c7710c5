package io.sparkads.multiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.CreatorPost;
import io.sparkads.support.Eventually;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two servers on one PostgreSQL and one Kafka broker (an embedded KRaft broker in the test's JVM),
 * both taking events: one is killed mid-stream, the client sends the batches it got no answer for
 * to the other, and every event is counted exactly once (the killed server's partitions move to the
 * other server's consumer, which counts what was queued and drops what was counted).
 */
class EventsMultiServerIT {
    static final int CLIENTS = 2;
    static final int BATCHES_PER_CLIENT = 16;
    static final int BATCH = 50;

    @TempDir static Path dir;
    static EmbeddedKafkaKraftBroker broker;
    static TwoServers servers;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 3, "sparkads.events");
        broker.afterPropertiesSet();
        servers =
                TwoServers.start(
                        dir,
                        "events",
                        List.of(
                                "--sparkads.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                                "--sparkads.kafka.partitions=3"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void eventsSentToBothWithOneKilledMidStreamAreCountedExactlyOnce() throws Exception {
        CreatorPost post = new ApiFixtures(servers.apiA()).givenPublicPost();
        ApiClient[] targets = {servers.apiA(), servers.apiB()};
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        CompletableFuture<Void> killer =
                CompletableFuture.runAsync(
                        () -> {
                            Eventually.await(
                                    Duration.ofMinutes(2),
                                    () -> assertThat(answered.get()).isGreaterThanOrEqualTo(8));
                            try {
                                servers.a().kill();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(
                    CompletableFuture.runAsync(
                            () -> {
                                for (int i = 0; i < BATCHES_PER_CLIENT; i++) {
                                    List<Map<String, Object>> batch = batch(post);
                                    // batches alternate between the two servers, as behind a
                                    // load balancer; a batch without a 2xx goes to the other one
                                    if (!sendUntilAcknowledged(targets, (i + client) % 2, batch)) {
                                        retried.incrementAndGet();
                                    }
                                    answered.incrementAndGet();
                                }
                            }));
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();
        killer.join();

        long sent = (long) CLIENTS * BATCHES_PER_CLIENT * BATCH;
        assertThat(retried.get()).as("batches retried on the other server").isPositive();
        // B's consumer takes over A's partitions once A's session times out
        Eventually.await(
                Duration.ofSeconds(150),
                () -> {
                    assertThat(loggedEvents(post)).isEqualTo(sent);
                    assertThat(organicViews(post)).isEqualTo(sent);
                });
        Thread.sleep(3000);
        assertThat(organicViews(post)).as("nothing counted twice").isEqualTo(sent);
    }

    /**
     * Sends the batch to the preferred server, and after a failure (no answer, or not a 2xx) to the
     * other, until one acknowledges it; answers whether the first try did.
     */
    private static boolean sendUntilAcknowledged(
            ApiClient[] targets, int preferred, List<Map<String, Object>> batch) {
        for (int attempt = 0; attempt < 20; attempt++) {
            ApiClient target = targets[(preferred + attempt) % 2];
            try {
                var answer = target.platform("POST", "/events", Map.of("events", batch));
                if (answer.status() / 100 == 2) {
                    assertThat(
                                    answer.body().path("accepted").asInt()
                                            + answer.body().path("duplicates").asInt())
                            .as(answer.raw())
                            .isEqualTo(batch.size());
                    return attempt == 0;
                }
            } catch (RuntimeException unreachable) {
                // the server is gone: the batch goes to the other one
            }
            sleep(200);
        }
        throw new AssertionError("no server acknowledged a batch in 20 attempts");
    }

    private static List<Map<String, Object>> batch(CreatorPost post) {
        String now = Instant.now().toString();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            events.add(
                    Map.of(
                            "event_id",
                            "m-" + UUID.randomUUID(),
                            "type",
                            "VIDEO_PLAY",
                            "occurred_at",
                            now,
                            "item_id",
                            post.itemId()));
        }
        return events;
    }

    private static long organicViews(CreatorPost post) {
        return single("select organic_views from posts where id = ?", post);
    }

    private static long loggedEvents(CreatorPost post) {
        return single("select count(*) from event_log where item_id = ?", post);
    }

    private static long single(String sql, CreatorPost post) {
        try (Connection db = servers.database().connect();
                PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, Long.parseLong(post.itemId()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
