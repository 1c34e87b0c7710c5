package io.sparkads.tracking;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Posts;
import io.sparkads.content.ProfileGrids;
import io.sparkads.delivery.Impressions;
import io.sparkads.delivery.LandingPanels;
import io.sparkads.delivery.ServedImpression;
import io.sparkads.reporting.Reports;
import io.sparkads.reporting.RollupsChanged;
import io.sparkads.review.Reviews;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The tracking module with the reporting module it folds into: a batch of events on a served
 * impression is checked, priced by the ad's billing event, appended once and folded into the
 * rollups, which announce the ads whose spend grew. Delivery's impression check and the modules
 * reporting reads from are mocked.
 */
@ApplicationModuleTest(extraIncludes = "reporting")
@ActiveProfiles("it")
class TrackingModuleTests {
    @MockitoBean Impressions impressions;
    @MockitoBean Posts posts;
    @MockitoBean Advertisers advertisers;
    @MockitoBean Campaigns campaigns;
    @MockitoBean AdGroups adGroups;
    @MockitoBean Ads ads;
    @MockitoBean AdPreviews adPreviews;
    @MockitoBean Reviews reviews;
    @MockitoBean SparkAuthorizations authorizations;
    // what the profile endpoint reads besides events
    @MockitoBean AppAccounts accounts;
    @MockitoBean ProfileGrids profileGrids;
    @MockitoBean LandingPanels landingPanels;

    @Autowired EventIntake intake;
    @Autowired Reports reports;

    @Test
    void givenACpmImpressionWhenItsEventsArriveThenOnlyTheImpressionIsChargedAndSpendIsAnnounced(
            Scenario scenario) {
        long advertiserId = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        long adId = advertiserId * 10 + 1;
        Instant servedAt = Instant.now().minus(1, ChronoUnit.MINUTES);
        given(advertisers.timezone(advertiserId)).willReturn(ZoneOffset.UTC);
        given(advertisers.get(advertiserId))
                .willReturn(
                        new Advertiser(
                                advertiserId,
                                "Shop",
                                "USD",
                                ZoneOffset.UTC,
                                servedAt.minusSeconds(86_400)));
        String impressionId = "imp-" + UUID.randomUUID();
        given(impressions.verify(impressionId))
                .willReturn(
                        Optional.of(
                                new ServedImpression(
                                        new AdLineage(adId, adId * 10, adId * 100, advertiserId),
                                        null,
                                        false,
                                        "CPM",
                                        new BigDecimal("2.50"),
                                        servedAt,
                                        "IN_FEED",
                                        "AGE_18_24",
                                        "FEMALE",
                                        "US",
                                        new BigDecimal("2.50"))));
        String impression = "e-" + UUID.randomUUID();
        List<EventIntake.IncomingEvent> batch =
                List.of(
                        event(impression, "IMPRESSION", servedAt, impressionId),
                        event("e-" + UUID.randomUUID(), "CLICK", servedAt, impressionId),
                        // sent twice: counted once
                        event(impression, "IMPRESSION", servedAt, impressionId));

        scenario.stimulate(() -> intake.accept(batch))
                .andWaitForEventOfType(RollupsChanged.class)
                .matchingMapped(RollupsChanged::adIds, ids -> ids.contains(adId))
                .toArriveAndVerify(
                        (changed, outcome) -> {
                            assertThat(changed.adIds()).containsExactly(adId);
                            assertThat(outcome.accepted()).isEqualTo(2);
                            assertThat(outcome.duplicates()).isEqualTo(1);
                            assertThat(outcome.rejected()).isEmpty();
                            // one impression at a CPM of 2.50: the cost per 1,000 is the bid
                            assertThat(report(advertiserId, servedAt))
                                    .isEqualTo(
                                            Map.of(
                                                    "impressions", "1",
                                                    "clicks", "1",
                                                    "cpm", "2.50",
                                                    "cpc", "0.00"));
                        });
    }

    private static EventIntake.IncomingEvent event(
            String eventId, String type, Instant servedAt, String impressionId) {
        return new EventIntake.IncomingEvent(
                eventId,
                type,
                servedAt.plusSeconds(1).toString(),
                "viewer-1",
                impressionId,
                null,
                null);
    }

    private Map<String, String> report(long advertiserId, Instant servedAt) {
        LocalDate day = LocalDate.ofInstant(servedAt, ZoneOffset.UTC);
        List<Reports.Row> rows =
                reports.integrated(
                                new Reports.Query(
                                        advertiserId,
                                        "AUCTION_ADVERTISER",
                                        List.of("advertiser_id"),
                                        List.of("impressions", "clicks", "cpm", "cpc"),
                                        day,
                                        day.plusDays(1),
                                        new PageRequest(1, 10),
                                        false,
                                        Map.of(),
                                        null,
                                        null,
                                        null))
                        .rows();
        assertThat(rows).hasSize(1);
        return rows.get(0).metrics();
    }
}
