package io.sparkads.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.accounts.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * With the demo on and its traffic turned off (as the shared test settings do), nothing plays: no
 * demo campaign, no demo events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class DemoTrafficOffIT {
    @Autowired ApplicationContext context;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    @Test
    void withDemoTrafficOffNoCampaignIsMadeAndNoViewerIsPlayed() throws InterruptedException {
        // given the demo workspace of the shared test server, started with traffic off
        long advertiserId = users.findByUsername("advertiser").orElseThrow().advertiserId();

        // when the server has been up for a while
        Thread.sleep(2_000);

        // then there is no generator, no demo campaign and no demo event
        assertThat(context.getBeansOfType(DemoTraffic.class)).isEmpty();
        assertThat(
                        jdbc.sql(
                                        "select count(*) from campaigns where advertiser_id = ? and campaign_name = ?")
                                .params(advertiserId, DemoCampaign.CAMPAIGN_NAME)
                                .query(Long.class)
                                .single())
                .isZero();
        assertThat(
                        jdbc.sql("select count(*) from event_log where event_id like 'demo-%'")
                                .query(Long.class)
                                .single())
                .isZero();
    }
}
