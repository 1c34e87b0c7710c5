package io.sparkads;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real PostgreSQL binary, shipped as a Maven dependency, started in-process
 * with its data in {@code sparkads.data-dir}, so that a new user needs nothing but Java. Setting
 * {@code spring.datasource.url} switches to an external PostgreSQL and this starts nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${sparkads.data-dir}") String dataDir)
            throws IOException {
        Path pgData = Path.of(dataDir, "postgres").toAbsolutePath();
        Files.createDirectories(pgData.getParent());
        removeStalePidFile(pgData);
        EmbeddedPostgres postgres =
                EmbeddedPostgres.builder()
                        .setDataDirectory(pgData)
                        .setCleanDataDirectory(false)
                        // Spring stops it (destroyMethod) after the context has closed; its own JVM
                        // hook
                        // would stop it first, under a still-closing context.
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "100")
                        .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("sparkads");
        return new HikariDataSource(config);
    }

    /**
     * A server killed without a shutdown leaves its pid file behind, which blocks the next start.
     */
    private static void removeStalePidFile(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            String pid = Files.readAllLines(pidFile).get(0).trim();
            boolean alive =
                    ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                log.warn("Removing stale {} left by an unclean stop", pidFile);
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            log.warn("Could not read {}: {}", pidFile, e.toString());
        }
    }
}
