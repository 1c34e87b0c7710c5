package io.sparkads.tracking;

import io.sparkads.SparkAdsApplication;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Event intake without HTTP: {@link EventIntake#accept} called by {@code clients} threads with
 * batches of organic VIDEO_PLAY events spread over 200 posts of 8 creators and 5,000 viewers (the
 * rows {@code bench/IngestEvents.java} sends), each round followed by {@code bench/CopyEvents.java}
 * writing as many rows with {@code COPY} into the same database: what intake itself (checks,
 * transaction, event log, queue) costs beside a raw COPY, whichever listener calls it (the servlet
 * path or a lean one). Starts the application (on a free port nothing calls) with its data in
 * {@code SPARKADS_DATA_DIR}.
 *
 * <p>Run from the project folder: {@code SPARKADS_DATA_DIR=/tmp/intake-alone/data
 * SPARKADS_DEMO_ENABLED=false java -cp target/test-classes:target/classes:$(cat
 * target/test.classpath) io.sparkads.tracking.IntakeAloneBenchmark <events> <batch-size> <clients>
 * <rounds>}
 */
public class IntakeAloneBenchmark {
    private static final String[] REGIONS = {"US", "GB", "DE", "FR", "JP", "BR", "IN", "CA"};

    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(SparkAdsApplication.class)
                        .properties("server.port=0")
                        .run()) {
            EventIntake intake = context.getBean(EventIntake.class);
            String[] items = givenPosts(context, 200, 8);
            String port =
                    Files.readAllLines(
                                    Path.of(
                                            context.getEnvironment()
                                                    .getRequiredProperty("sparkads.data-dir"),
                                            "postgres",
                                            "postmaster.pid"))
                            .get(3)
                            .trim();
            send(intake, items, 20_000, batch, clients, "warm-up");
            for (int round = 1; round <= rounds; round++) {
                send(intake, items, total, batch, clients, "round " + round);
                copy(port, total, batch, clients);
            }
        }
    }

    private static String[] givenPosts(
            ConfigurableApplicationContext context, int count, int creators) {
        AppAccounts accounts = context.getBean(AppAccounts.class);
        Posts posts = context.getBean(Posts.class);
        String handle = "alone" + UUID.randomUUID().toString().substring(0, 8);
        long[] creatorIds = new long[creators];
        for (int c = 0; c < creators; c++) {
            creatorIds[c] =
                    accounts.create(
                                    handle + c,
                                    "Intake",
                                    AppAccount.AccountType.CREATOR,
                                    REGIONS[c % REGIONS.length],
                                    null)
                            .id();
        }
        String[] items = new String[count];
        for (int p = 0; p < count; p++) {
            Post post =
                    posts.create(
                            new Posts.NewPost(
                                    creatorIds[p % creators],
                                    "intake " + p,
                                    List.of("tag" + (p % 20)),
                                    null,
                                    10_000,
                                    null,
                                    Post.Visibility.PUBLIC));
            items[p] = String.valueOf(post.itemId());
        }
        return items;
    }

    private static void send(
            EventIntake intake, String[] items, int total, int batch, int clients, String label)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int calls = total / batch;
        long[] latencies = new long[calls];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(
                    pool.submit(
                            () -> {
                                int call;
                                while ((call = next.getAndIncrement()) < calls) {
                                    long t0 = System.nanoTime();
                                    var outcome = intake.accept(events(items, run, call, batch));
                                    latencies[call] = System.nanoTime() - t0;
                                    if (outcome.accepted() != batch) {
                                        throw new IllegalStateException(outcome.toString());
                                    }
                                }
                                return null;
                            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf(
                "intake %s: %d events in %d batches of %d from %d clients: %.1f s, %.0f events/s, batch p50 %.1f ms, p99 %.1f ms, load %s%n",
                label,
                calls * batch,
                calls,
                batch,
                clients,
                seconds,
                calls * batch / seconds,
                latencies[calls / 2] / 1e6,
                latencies[(int) (calls * 0.99)] / 1e6,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** Batch number {@code call} of the run, as IngestEvents sends it. */
    private static List<EventIntake.IncomingEvent> events(
            String[] items, String run, int call, int batch) {
        String now = Instant.now().toString();
        List<EventIntake.IncomingEvent> events = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            long k = (long) call * batch + i;
            events.add(
                    new EventIntake.IncomingEvent(
                            run + "-" + call + "-" + i,
                            "VIDEO_PLAY",
                            now,
                            "v" + k % 5000,
                            null,
                            items[(int) (k % items.length)],
                            null));
        }
        return events;
    }

    /** bench/CopyEvents.java against the same database, as a process of its own. */
    private static void copy(String port, int total, int batch, int clients) throws Exception {
        int exit =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                "bench/CopyEvents.java",
                                port,
                                String.valueOf(total),
                                String.valueOf(batch),
                                String.valueOf(clients),
                                "200")
                        .inheritIO()
                        .start()
                        .waitFor();
        if (exit != 0) {
            throw new IllegalStateException("CopyEvents ended with " + exit);
        }
    }
}
