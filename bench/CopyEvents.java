import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * The baseline for {@code IngestEvents}: the same rows (organic VIDEO_PLAY events spread over the
 * newest {@code posts} posts, default 200, and 5,000 viewers, as IngestEvents sends them) in
 * the same batches from the same number of clients, written straight into the server's
 * {@code event_log} with PostgreSQL's {@code COPY}, one committed transaction per batch: no HTTP,
 * no JSON, no checks, no counters. The rows are deleted afterwards.
 *
 * <p>Run against a started server's database, whose port is line 4 of
 * {@code data/postgres/postmaster.pid}: {@code java -cp
 * ~/.m2/repository/org/postgresql/postgresql/42.7.11/postgresql-42.7.11.jar bench/CopyEvents.java
 * <port> <events> <batch-size> [clients] [posts]}
 */
public class CopyEvents {
    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://localhost:" + args[0] + "/postgres";
        int total = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int postCount = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        List<Long> found = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                Statement s = db.createStatement();
                var rs = s.executeQuery("select id from posts order by id desc limit " + postCount)) {
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no posts in the database: run IngestEvents first");
        }
        long[] items = found.stream().mapToLong(Long::longValue).toArray();
        String run = "copy-" + UUID.randomUUID().toString().substring(0, 8);

        int calls = total / batch;
        long[] latencies = new long[calls];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                    var copy = db.unwrap(PGConnection.class).getCopyAPI();
                    int call;
                    while ((call = next.getAndIncrement()) < calls) {
                        long t0 = System.nanoTime();
                        String now = Instant.now().toString();
                        StringBuilder rows = new StringBuilder(batch * 100);
                        for (int i = 0; i < batch; i++) {
                            long k = (long) call * batch + i;
                            rows.append(run).append('-').append(call).append('-').append(i)
                                    .append(",VIDEO_PLAY,").append(now).append(',').append(now)
                                    .append(",v").append(k % 5000).append(",false,")
                                    .append(items[(int) (k % items.length)]).append('\n');
                        }
                        copy.copyIn("copy event_log (event_id, type, occurred_at, received_at, viewer_id, paid, item_id)"
                                + " from stdin (format csv)", new StringReader(rows.toString()));
                        latencies[call] = System.nanoTime() - t0;
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
        System.out.printf("COPY: %d events in %d batches of %d from %d clients: %.1f s, %.0f events/s, batch p50 %.1f ms, p99 %.1f ms%n",
                calls * batch, calls, batch, clients, seconds, calls * batch / seconds,
                latencies[calls / 2] / 1e6, latencies[(int) (calls * 0.99)] / 1e6);
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
                Statement s = db.createStatement()) {
            s.executeUpdate("delete from event_log where event_id like '" + run + "-%'");
        }
    }
}
