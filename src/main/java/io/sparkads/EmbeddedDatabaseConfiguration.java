package io.sparkads;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real PostgreSQL binary, shipped as a Maven dependency, started in-process
 * with its data in {@code sparkads.data-dir}, so that a new user needs nothing but Java. Setting
 * {@code spring.datasource.url} switches to an external PostgreSQL and this starts nothing. See
 * {@link EmbeddedDatabase} for what makes it fit for production data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(
            @Value("${sparkads.data-dir}") String dataDir,
            @Value("${sparkads.embedded-database.settings:}") String settings)
            throws IOException {
        return EmbeddedDatabase.start(Path.of(dataDir, "postgres"), parse(settings));
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.postgres().getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("sparkads");
        return new HikariDataSource(config);
    }

    /** {@code name=value,name=value}: server settings that replace the durable defaults. */
    static Map<String, String> parse(String settings) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : settings.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "sparkads.embedded-database.settings takes name=value pairs separated by"
                                + " commas, e.g. shared_buffers=256MB; was '"
                                + pair.strip()
                                + "'");
            }
            parsed.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return parsed;
    }
}
