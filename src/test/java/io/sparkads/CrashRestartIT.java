package io.sparkads;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ServerProcess;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2xx from event intake means the events are durable (CONTRACT), whatever dies afterwards. The
 * server runs as its own JVM on a data folder; the test kills it, or its database, with kill -9 in
 * the middle of intake, starts it again on the same folder with no manual step, and looks up every
 * acknowledged event id in the event log.
 */
class CrashRestartIT {
    private static final int BATCH = 50;
    private static final int SENDERS = 3;

    /** Batches acknowledged before the kill; small enough to keep the test short. */
    private static final int ACKED_BATCHES_BEFORE_KILL = 30;

    @TempDir Path dataDir;

    @AfterEach
    void noDatabaseLeftRunning() {
        // A failed assertion must not leave an orphan holding the temporary folder.
        ServerProcess.postmaster(dataDir).ifPresent(ProcessHandle::destroy);
    }

    @Test
    void killingTheServerMidIntakeLosesNoAcknowledgedEventAndTheNextStartNeedsNoManualStep()
            throws Exception {
        // Given a server taking events from several clients
        ServerProcess first = ServerProcess.start(dataDir, "server-killed-1");
        Intake intake = new Intake(first.port(), organicPost(first.port()));
        intake.runUntilAcknowledged(ACKED_BATCHES_BEFORE_KILL);

        // When it is killed with -9 mid-intake, its database watchdog with it, so that its
        // PostgreSQL is left running, orphaned, on the data folder
        ProcessHandle orphan = ServerProcess.postmaster(dataDir).orElseThrow();
        first.children().forEach(ProcessHandle::destroyForcibly);
        first.kill();
        Set<String> acknowledged = intake.stop();
        assertThat(orphan.isAlive()).as("the orphaned PostgreSQL still holds the folder").isTrue();

        // Then the next start on the same folder succeeds on its own
        try (ServerProcess second = ServerProcess.start(dataDir, "server-killed-2")) {
            assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
            // and every acknowledged event is in the event log
            int found = countStored(second, acknowledged);
            System.out.printf(
                    "[crash test] server killed with -9 mid-intake: %d events acknowledged"
                            + " (%d batches), %d found after restart, %d requests unanswered%n",
                    acknowledged.size(), acknowledged.size() / BATCH, found, intake.failed.get());
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKED_BATCHES_BEFORE_KILL * BATCH);
            assertThat(found).isEqualTo(acknowledged.size());

            // and a clean stop stops its database too
            long postmaster = ServerProcess.postmaster(dataDir).orElseThrow().pid();
            assertThat(second.stop()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive))
                    .as("PostgreSQL left running after a clean stop")
                    .isEmpty();
            assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
        }
    }

    @Test
    void killingTheDatabaseMidIntakeLosesNoAcknowledgedEvent() throws Exception {
        // Given a server taking events from several clients
        ServerProcess first = ServerProcess.start(dataDir, "database-killed-1");
        Intake intake = new Intake(first.port(), organicPost(first.port()));
        intake.runUntilAcknowledged(ACKED_BATCHES_BEFORE_KILL);

        // When its PostgreSQL dies at once, every process of it (kill -9), mid-intake
        ProcessHandle postmaster = ServerProcess.postmaster(dataDir).orElseThrow();
        List<ProcessHandle> database = new ArrayList<>(postmaster.descendants().toList());
        database.add(0, postmaster);
        database.forEach(ProcessHandle::destroyForcibly);
        postmaster.onExit().get(10, TimeUnit.SECONDS);
        // and the server, now without a database, is killed as well
        first.kill();
        Set<String> acknowledged = intake.stop();

        // Then the next start recovers the database on its own
        try (ServerProcess second = ServerProcess.start(dataDir, "database-killed-2")) {
            // and every acknowledged event is in the event log
            int found = countStored(second, acknowledged);
            System.out.printf(
                    "[crash test] database killed with -9 mid-intake: %d events acknowledged"
                            + " (%d batches), %d found after restart, %d requests failed%n",
                    acknowledged.size(), acknowledged.size() / BATCH, found, intake.failed.get());
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKED_BATCHES_BEFORE_KILL * BATCH);
            assertThat(found).isEqualTo(acknowledged.size());

            // and when the server is killed with -9 (its watchdog left alone), its database
            // stops by itself instead of holding the folder
            ProcessHandle restarted = ServerProcess.postmaster(dataDir).orElseThrow();
            second.kill();
            assertThat(restarted.onExit())
                    .as("PostgreSQL stops after the server was killed")
                    .succeedsWithin(Duration.ofSeconds(60));
        }
    }

    /** An account and one post for organic events, through the Platform API. */
    private static String organicPost(int port) {
        ApiClient api = new ApiClient(port);
        String handle = "crash" + System.nanoTime();
        var account =
                api.platform(
                        "POST",
                        "/accounts",
                        Map.of(
                                "handle",
                                handle,
                                "display_name",
                                "Crash",
                                "account_type",
                                "CREATOR",
                                "region",
                                "US"));
        assertThat(account.status()).as(account.raw()).isEqualTo(201);
        var post =
                api.platform(
                        "POST",
                        "/posts",
                        Map.of(
                                "account_id",
                                account.body().path("account_id").asString(),
                                "caption",
                                "crash test",
                                "duration_ms",
                                10000,
                                "visibility",
                                "PUBLIC"));
        assertThat(post.status()).as(post.raw()).isEqualTo(201);
        return post.body().path("item_id").asString();
    }

    private static int countStored(ServerProcess server, Set<String> ids) throws Exception {
        try (Connection db = server.database();
                PreparedStatement query =
                        db.prepareStatement(
                                "select count(*) from event_log where event_id = any(?)")) {
            query.setArray(1, db.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Clients sending batches of organic events with unique ids, as fast as the server takes them.
     * An event counts as acknowledged only when its batch got a 2xx with nothing rejected.
     */
    private static final class Intake {
        private final ApiClient api;
        private final String itemId;
        private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        private final AtomicInteger ackedBatches = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger nextBatch = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> senders = new ArrayList<>();

        Intake(int port, String itemId) {
            this.api = new ApiClient(port);
            this.itemId = itemId;
            for (int i = 0; i < SENDERS; i++) {
                Thread sender = new Thread(this::send, "crash-intake-" + i);
                sender.setDaemon(true);
                senders.add(sender);
                sender.start();
            }
        }

        private void send() {
            String run = Long.toString(System.nanoTime(), 36);
            while (running.get()) {
                int batch = nextBatch.getAndIncrement();
                List<Map<String, Object>> events = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    String id = "crash-" + run + "-" + batch + "-" + i;
                    ids.add(id);
                    events.add(
                            Map.of(
                                    "event_id",
                                    id,
                                    "type",
                                    "VIDEO_PLAY",
                                    "occurred_at",
                                    Instant.now().toString(),
                                    "viewer_id",
                                    "viewer-" + (i % 7),
                                    "item_id",
                                    itemId));
                }
                try {
                    var response = api.platform("POST", "/events", Map.of("events", events));
                    if (response.status() / 100 == 2
                            && response.body().path("rejected").isEmpty()
                            && response.body().path("accepted").asInt() == BATCH) {
                        acknowledged.addAll(ids);
                        ackedBatches.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    // the server or its database is gone: nothing was acknowledged
                    failed.incrementAndGet();
                }
            }
        }

        void runUntilAcknowledged(int batches) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (ackedBatches.get() < batches && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(ackedBatches.get())
                    .as("batches acknowledged")
                    .isGreaterThanOrEqualTo(batches);
        }

        /** Stops sending; returns the ids acknowledged, including any answered after the kill. */
        Set<String> stop() throws InterruptedException {
            running.set(false);
            for (Thread sender : senders) {
                sender.join(TimeUnit.SECONDS.toMillis(60));
            }
            return new HashSet<>(acknowledged);
        }
    }
}
