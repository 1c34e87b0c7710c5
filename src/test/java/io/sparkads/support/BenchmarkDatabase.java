package io.sparkads.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * The database a JMH benchmark loads its rows into: a pool on an embedded PostgreSQL the benchmark
 * started (with the server settings it needs), holding every module's schema, migrated as the
 * application migrates it.
 */
public final class BenchmarkDatabase {
    private static final String[] MODULES = {
        "accounts",
        "content",
        "authorization",
        "campaigns",
        "review",
        "delivery",
        "tracking",
        "reporting",
        "trends"
    };

    private BenchmarkDatabase() {}

    /** A pool of at most {@code poolSize} connections to the server, its schema migrated. */
    public static HikariDataSource migrated(EmbeddedPostgres postgres, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        HikariDataSource dataSource = new HikariDataSource(config);
        String[] locations = new String[MODULES.length];
        for (int i = 0; i < MODULES.length; i++) {
            locations[i] = "classpath:db/migration/" + MODULES[i];
        }
        Flyway.configure().dataSource(dataSource).locations(locations).load().migrate();
        return dataSource;
    }
}
