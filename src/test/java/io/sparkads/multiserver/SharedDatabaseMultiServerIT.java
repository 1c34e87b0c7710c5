package io.sparkads.multiserver;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers started at once on one empty PostgreSQL: both come up (one migrates the schema, the
 * other waits for it), and what one writes the other answers.
 */
class SharedDatabaseMultiServerIT {
    @TempDir static Path dir;
    static TwoServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = TwoServers.start(dir, "shared-db", List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void anAdAccountMadeThroughOneServerIsAnsweredByTheOther() {
        // Given an ad account and its token made through server A
        ApiFixtures.Advertiser advertiser = new ApiFixtures(servers.apiA()).givenAdvertiser();

        // When server B is asked for it with that token
        var info =
                servers.apiB()
                        .businessGet(
                                advertiser.token(),
                                "/advertiser/info/",
                                params("advertiser_ids", List.of(advertiser.id())));

        // Then B knows it
        assertThat(info.code()).as(info.raw()).isZero();
        assertThat(info.data().path("list").get(0).path("advertiser_id").asString())
                .isEqualTo(advertiser.id());
    }
}
