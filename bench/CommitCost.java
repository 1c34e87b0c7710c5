import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What a durable commit costs, without HTTP and JSON around it: small transactions (one 50-row
 * insert, like an event batch) against the server's embedded PostgreSQL, alternating rounds with
 * {@code synchronous_commit} on (the commit waits for its WAL to be flushed to disk) and off (the
 * library's old default: it does not), in the same run and the same database.
 *
 * <p>Run against a started server's database, whose port is line 4 of
 * {@code data/postgres/postmaster.pid}, with the PostgreSQL driver on the classpath: {@code java
 * -cp ~/.m2/repository/org/postgresql/postgresql/42.7.11/postgresql-42.7.11.jar
 * bench/CommitCost.java <port> [commits-per-round] [rounds] [clients]}
 */
public class CommitCost {
    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://localhost:" + args[0] + "/postgres";
        int commits = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_commit (id bigserial primary key, batch int, n int, payload text)");
        }
        double[] on = new double[rounds];
        double[] off = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            on[r] = round(url, "on", commits, clients);
            off[r] = round(url, "off", commits, clients);
            System.out.printf("round %d: synchronous_commit=on %.0f commits/s, off %.0f commits/s, on/off %.2f%n",
                    r + 1, on[r], off[r], on[r] / off[r]);
        }
        double sumOn = 0, sumOff = 0;
        for (int r = 0; r < rounds; r++) {
            sumOn += on[r];
            sumOff += off[r];
        }
        System.out.printf("mean: on %.0f commits/s, off %.0f commits/s, on/off %.2f (%d clients, %d commits a round)%n",
                sumOn / rounds, sumOff / rounds, sumOn / sumOff, clients, commits);
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop table bench_commit");
        }
    }

    static double round(String url, String synchronousCommit, int commits, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int share = commits / clients;
            running.add(pool.submit(() -> {
                try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                    try (Statement s = db.createStatement()) {
                        s.execute("set synchronous_commit = " + synchronousCommit);
                    }
                    db.setAutoCommit(false);
                    try (PreparedStatement insert = db.prepareStatement(
                            "insert into bench_commit (batch, n, payload) select ?, g, repeat('x', 100) from generate_series(1, 50) g")) {
                        for (int i = 0; i < share; i++) {
                            insert.setInt(1, i);
                            insert.executeUpdate();
                            db.commit();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return (commits / clients * clients) / ((System.nanoTime() - started) / 1e9);
    }
}
