package io.sparkads.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One PostgreSQL that several server processes share, as several servers behind a load balancer
 * share a deployment's database: it runs in the test's JVM on a temporary folder, and each {@link
 * ServerProcess} started with {@link #serverArgs()} points its {@code spring.datasource.url} at it
 * instead of starting an embedded database of its own.
 */
public final class SharedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    private SharedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts an empty PostgreSQL in the folder; the first server to start runs the migrations. */
    public static SharedDatabase start(Path dataDir) throws IOException {
        return new SharedDatabase(
                EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("shared-postgres"))
                        .setCleanDataDirectory(true)
                        // two servers with a pool of 20 each, a listener each, and the test
                        .setServerConfig("max_connections", "100")
                        .start());
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The arguments that make a server use this database. */
    public List<String> serverArgs() {
        return List.of(
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
    }

    /** A direct connection, for a test to look at what the servers wrote. */
    public Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
