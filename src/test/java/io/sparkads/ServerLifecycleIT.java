package io.sparkads;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import io.sparkads.accounts.Users;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starting, stopping and pointing the server at a database, as a new user does. */
class ServerLifecycleIT {

    @Test
    void stoppingAndStartingAgainKeepsEveryRecordInTheDataDirectory(@TempDir Path dataDir) {
        long advertiserId;
        try (var first = start("--sparkads.data-dir=" + dataDir)) {
            advertiserId =
                    first.getBean(Advertisers.class)
                            .create("Kept Ltd", "EUR", "Europe/Berlin")
                            .id();
            assertThat(first.getBean(Users.class).findByUsername("advertiser"))
                    .as("demo workspace")
                    .isPresent();
        }
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
        try (var second = start("--sparkads.data-dir=" + dataDir)) {
            Advertiser kept = second.getBean(Advertisers.class).get(advertiserId);
            assertThat(kept.name()).isEqualTo("Kept Ltd");
            assertThat(kept.timezone().getId()).isEqualTo("Europe/Berlin");
            long users =
                    second.getBean(JdbcClient.class)
                            .sql("select count(*) from users")
                            .query(Long.class)
                            .single();
            assertThat(users).as("the demo workspace is made once").isEqualTo(4);
        }
    }

    @Test
    void theEmbeddedDatabaseCommitsToDiskBeforeAnswering(@TempDir Path dataDir) {
        try (var context =
                start("--sparkads.data-dir=" + dataDir, "--sparkads.demo.enabled=false")) {
            JdbcClient db = context.getBean(JdbcClient.class);
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(
                                db.sql("select current_setting(?)")
                                        .param(setting)
                                        .query(String.class)
                                        .single())
                        .as(setting)
                        .isEqualTo("on");
            }
            assertThat(db.sql("select current_setting('wal_level')").query(String.class).single())
                    .isEqualTo("replica");
        }
    }

    @Test
    void theDemoWorkspaceCanBeTurnedOff(@TempDir Path dataDir) {
        try (var context =
                start("--sparkads.data-dir=" + dataDir, "--sparkads.demo.enabled=false")) {
            assertThat(context.getBean(Users.class).any()).isFalse();
            assertThat(context.containsBean("demoTraffic")).as("no demo traffic").isFalse();
        }
    }

    @Test
    void anExternalPostgresqlIsUsedInsteadOfTheEmbeddedOne(
            @TempDir Path dataDir, @TempDir Path externalDir) throws Exception {
        try (EmbeddedPostgres external =
                EmbeddedPostgres.builder()
                        .setDataDirectory(externalDir)
                        .setCleanDataDirectory(true)
                        .start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (var context =
                    start(
                            "--sparkads.data-dir=" + dataDir,
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=")) {
                assertThat(context.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
                assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
                context.getBean(Advertisers.class).create("External Inc", "USD", "UTC");
            }
            DataSource direct = external.getPostgresDatabase();
            long count =
                    JdbcClient.create(direct)
                            .sql("select count(*) from advertisers where name = 'External Inc'")
                            .query(Long.class)
                            .single();
            assertThat(count).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        return new SpringApplicationBuilder(SparkAdsApplication.class).run(all);
    }
}
