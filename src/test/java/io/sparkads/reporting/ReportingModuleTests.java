package io.sparkads.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;

import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.AdPreviews;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.common.AdLineage;
import io.sparkads.common.PageRequest;
import io.sparkads.content.Posts;
import io.sparkads.review.Reviews;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The reporting module alone: paid events folded into the rollups, what the fold announces, and the
 * report read back from the rollups. The modules reporting reads from are mocked; only the ad
 * account's time zone matters here.
 */
@ApplicationModuleTest
@ActiveProfiles("it")
class ReportingModuleTests {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final Instant TEN_FIFTEEN = Instant.parse("2026-11-20T10:15:00Z");

    @MockitoBean Advertisers advertisers;
    @MockitoBean Campaigns campaigns;
    @MockitoBean AdGroups adGroups;
    @MockitoBean Ads ads;
    @MockitoBean AdPreviews adPreviews;
    @MockitoBean Reviews reviews;
    @MockitoBean SparkAuthorizations authorizations;
    @MockitoBean Posts posts;

    @Autowired ReportRollups rollups;
    @Autowired Reports reports;

    private long advertiserId;
    private long spendingAd;
    private long freeAd;

    @BeforeEach
    void givenAnAdAccountInUtc() {
        advertiserId = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        spendingAd = advertiserId * 10 + 1;
        freeAd = advertiserId * 10 + 2;
        given(advertisers.timezone(advertiserId)).willReturn(ZoneOffset.UTC);
        given(advertisers.get(advertiserId))
                .willReturn(
                        new Advertiser(
                                advertiserId,
                                "Shop",
                                "USD",
                                ZoneOffset.UTC,
                                TEN_FIFTEEN.minusSeconds(86_400)));
    }

    @Test
    void givenPaidEventsWhenFoldedThenRollupsChangedNamesOnlyTheAdThatSpentAndReportsCountThem(
            Scenario scenario) {
        List<PaidEvent> events =
                List.of(
                        paid(spendingAd, 77L, PaidMetric.IMPRESSIONS, "0.0025"),
                        paid(spendingAd, 77L, PaidMetric.IMPRESSIONS, "0.0025"),
                        paid(freeAd, null, PaidMetric.CLICKS, "0"));

        whenFolded(scenario, events)
                .matchingMapped(RollupsChanged::adIds, ids -> ids.contains(spendingAd))
                .toArriveAndVerify(
                        changed -> {
                            assertThat(changed.adIds()).containsExactly(spendingAd);
                            assertThat(rows(List.of("ad_id")))
                                    .containsExactly(
                                            tuple(spendingAd + "", null, "2", "0", "0.01"),
                                            tuple(freeAd + "", null, "0", "1", "0.00"));
                        });
    }

    @Test
    void givenFoldedEventsThenTheHourlyRollupHoldsThemInTheirHourWithOrWithoutAPost(
            Scenario scenario) {
        List<PaidEvent> events =
                List.of(
                        paid(spendingAd, 77L, PaidMetric.IMPRESSIONS, "0.0025"),
                        paid(freeAd, null, PaidMetric.IMPRESSIONS, "0.0025"));

        whenFolded(scenario, events)
                .matchingMapped(RollupsChanged::adIds, ids -> ids.contains(freeAd))
                .toArriveAndVerify(
                        changed ->
                                assertThat(rows(List.of("ad_id", "stat_time_hour")))
                                        .containsExactly(
                                                tuple(
                                                        spendingAd + "",
                                                        "2026-11-20 10:00:00",
                                                        "1",
                                                        "0",
                                                        "0.00"),
                                                tuple(
                                                        freeAd + "",
                                                        "2026-11-20 10:00:00",
                                                        "1",
                                                        "0",
                                                        "0.00")));
    }

    /** Folds the events in a transaction of their own and waits for the rollups' announcement. */
    private Scenario.When<Integer>.EventResult<RollupsChanged> whenFolded(
            Scenario scenario, List<PaidEvent> events) {
        return scenario.stimulate(
                        tx ->
                                tx.execute(
                                        status -> {
                                            rollups.fold(events);
                                            return events.size();
                                        }))
                .andWaitForEventOfType(RollupsChanged.class);
    }

    private PaidEvent paid(long adId, Long itemId, PaidMetric metric, String cost) {
        return new PaidEvent(
                new AdLineage(adId, adId * 10, adId * 100, advertiserId),
                itemId,
                itemId != null,
                metric,
                TEN_FIFTEEN,
                new BigDecimal(cost),
                "viewer-" + adId,
                "impression-" + adId,
                new PaidEvent.Audience("IN_FEED", "AGE_18_24", "FEMALE", "US"));
    }

    /** The day's report rows: the ad, the hour if asked, impressions, clicks and spend. */
    private List<Tuple> rows(List<String> dimensions) {
        Reports.Result result =
                reports.integrated(
                        new Reports.Query(
                                advertiserId,
                                "AUCTION_AD",
                                dimensions,
                                List.of("impressions", "clicks", "spend"),
                                DAY,
                                DAY,
                                new PageRequest(1, 10),
                                false,
                                Map.of(),
                                null,
                                null,
                                null));
        return result.rows().stream()
                .map(
                        row ->
                                tuple(
                                        row.dimensions().get("ad_id"),
                                        row.dimensions().get("stat_time_hour"),
                                        row.metrics().get("impressions"),
                                        row.metrics().get("clicks"),
                                        row.metrics().get("spend")))
                .toList();
    }
}
