package io.sparkads.reporting;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.AdLineage;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Reports over a known set of events sent through the platform API after real ad requests: every
 * metric's exact value for one ad, and summed at ad group, campaign and account level; Spark
 * against non-Spark; audiences; sorting; and the combinations refused.
 *
 * <p>The account: campaign C1 with ad group G1 (Spark ads X and Y, CPM 7.00) and ad group G2 (Spark
 * ad Z, CPM 20.00); campaign C2 with ad group G3 (non-Spark ad W, CPM 10.00). Viewer "a" sees X, Y
 * and Z, so reach above the ad counts them once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT {
    private static final String ALL =
            "IMPRESSION VIDEO_PLAY VIDEO_WATCHED_2S VIDEO_WATCHED_6S VIDEO_P25 VIDEO_P50 VIDEO_P75"
                    + " VIDEO_P100 CLICK LIKE COMMENT SHARE FOLLOW PROFILE_VISIT LANDING_PAGE_VIEW"
                    + " CONVERSION";

    @LocalServerPort int port;
    @Autowired ReportRollups rollups;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    ApiClient api;
    ApiFixtures given;
    ApiFixtures.Advertiser advertiser;
    String c1, c2, g1, g2, g3, x, y, z, w;
    String regionG1;
    String today;

    @BeforeAll
    void anAccountWithFourAdsAndKnownEvents() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
        advertiser = given.givenAdvertiser("America/New_York");
        c1 = given.givenCampaign(advertiser);
        c2 = given.givenCampaign(advertiser);
        g1 = given.givenAdGroup(advertiser, c1, Map.of("bid_price", 7.00));
        g2 = given.givenAdGroup(advertiser, c1, Map.of("bid_price", 20.00));
        g3 = given.givenAdGroup(advertiser, c2, Map.of("bid_price", 10.00));
        x = sparkAd(g1);
        y = sparkAd(g1);
        z = sparkAd(g2);
        w = given.givenNonSparkAd(advertiser, g3);
        regionG1 = ApiFixtures.regionOf(x);

        List<Map<String, Object>> events = new ArrayList<>();
        // X: four impressions to viewers a, b, c, a; the first does everything.
        events.addAll(events(served(x, "AGE_18_24", "FEMALE"), "a", ALL));
        events.addAll(
                events(
                        served(x, "AGE_18_24", "MALE"),
                        "b",
                        "IMPRESSION VIDEO_PLAY VIDEO_P25 CLICK LIKE"));
        events.addAll(events(served(x, null, null), "c", "IMPRESSION"));
        events.addAll(events(served(x, "AGE_25_34", "FEMALE"), "a", "IMPRESSION VIDEO_PLAY"));
        // Y: viewers a and d.
        events.addAll(events(served(y, null, null), "a", "IMPRESSION CLICK CONVERSION"));
        events.addAll(events(served(y, null, null), "d", "IMPRESSION"));
        // Z: viewers e and a.
        events.addAll(events(served(z, null, null), "e", "IMPRESSION CLICK"));
        events.addAll(events(served(z, null, null), "a", "IMPRESSION"));
        // W (not Spark): viewer f.
        events.addAll(
                events(
                        served(w, null, null),
                        "f",
                        "IMPRESSION VIDEO_PLAY VIDEO_P100 LANDING_PAGE_VIEW"));

        var accepted = api.platform("POST", "/events", Map.of("events", events));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().path("rejected")).as(accepted.raw()).isEmpty();
        assertThat(accepted.body().path("accepted").asInt()).isEqualTo(events.size());
        today = LocalDate.now(ZoneId.of("America/New_York")).toString();
    }

    @Test
    void everyMetricOfOneAdHasItsExactValue() {
        // when
        Map<String, String> metrics =
                only(lifetime("AUCTION_AD", List.of("ad_id"), "ad_ids", x)).get("metrics");

        // then
        assertThat(metrics)
                .isEqualTo(
                        expected(
                                "spend 0.03, impressions 4, reach 3, frequency 1.33, clicks 2,"
                                        + " ctr 50.00, cpc 0.01, cpm 7.00, video_play_actions 3,"
                                        + " video_watched_2s 1, video_watched_6s 1, video_views_p25 2,"
                                        + " video_views_p50 1, video_views_p75 1, video_views_p100 1,"
                                        + " view_through_rate 25.00, likes 2, comments 1, shares 1,"
                                        + " follows 1, profile_visits 1, profile_visits_rate 25.00,"
                                        + " engagements 8, engagement_rate 200.00, landing_page_views 1,"
                                        + " page_view_rate 25.00, conversion 1, conversion_rate 50.00,"
                                        + " conversion_rate_v2 25.00, cost_per_conversion 0.03"));
    }

    @Test
    void anAdGroupSumsItsAdsAndCountsAViewerOfTwoAdsOnce() {
        // when
        var row = only(lifetime("AUCTION_ADGROUP", List.of("adgroup_id"), "adgroup_ids", g1));

        // then: X + Y; viewer a saw both, so reach is a, b, c, d
        assertThat(row.get("dimensions")).containsEntry("adgroup_id", g1);
        assertThat(row.get("metrics"))
                .isEqualTo(
                        expected(
                                "spend 0.04, impressions 6, reach 4, frequency 1.50, clicks 3,"
                                        + " ctr 50.00, cpc 0.01, cpm 7.00, video_play_actions 3,"
                                        + " video_watched_2s 1, video_watched_6s 1, video_views_p25 2,"
                                        + " video_views_p50 1, video_views_p75 1, video_views_p100 1,"
                                        + " view_through_rate 16.67, likes 2, comments 1, shares 1,"
                                        + " follows 1, profile_visits 1, profile_visits_rate 16.67,"
                                        + " engagements 9, engagement_rate 150.00, landing_page_views 1,"
                                        + " page_view_rate 16.67, conversion 2, conversion_rate 66.67,"
                                        + " conversion_rate_v2 33.33, cost_per_conversion 0.02"));
    }

    @Test
    void aCampaignSumsItsAdGroupsWithTheirOwnPrices() {
        // when
        var row = only(lifetime("AUCTION_CAMPAIGN", List.of("campaign_id"), "campaign_ids", c1));

        // then: X + Y + Z; spend 0.028 + 0.014 + 0.04 = 0.082
        assertThat(row.get("dimensions")).containsEntry("campaign_id", c1);
        assertThat(row.get("metrics"))
                .isEqualTo(
                        expected(
                                "spend 0.08, impressions 8, reach 5, frequency 1.60, clicks 4,"
                                        + " ctr 50.00, cpc 0.02, cpm 10.25, video_play_actions 3,"
                                        + " video_watched_2s 1, video_watched_6s 1, video_views_p25 2,"
                                        + " video_views_p50 1, video_views_p75 1, video_views_p100 1,"
                                        + " view_through_rate 12.50, likes 2, comments 1, shares 1,"
                                        + " follows 1, profile_visits 1, profile_visits_rate 12.50,"
                                        + " engagements 10, engagement_rate 125.00, landing_page_views 1,"
                                        + " page_view_rate 12.50, conversion 2, conversion_rate 50.00,"
                                        + " conversion_rate_v2 25.00, cost_per_conversion 0.04"));
    }

    @Test
    void theAccountSumsEveryAdTheSameByLifetimeDayAndHour() {
        // given: spend 0.092 over 9 impressions, 4 clicks, 2 conversions
        Map<String, String> all =
                expected(
                        "spend 0.09, impressions 9, reach 6, frequency 1.50, clicks 4,"
                                + " ctr 44.44, cpc 0.02, cpm 10.22, video_play_actions 4,"
                                + " video_watched_2s 1, video_watched_6s 1, video_views_p25 2,"
                                + " video_views_p50 1, video_views_p75 1, video_views_p100 2,"
                                + " view_through_rate 22.22, likes 2, comments 1, shares 1,"
                                + " follows 1, profile_visits 1, profile_visits_rate 11.11,"
                                + " engagements 10, engagement_rate 111.11, landing_page_views 2,"
                                + " page_view_rate 22.22, conversion 2, conversion_rate 50.00,"
                                + " conversion_rate_v2 22.22, cost_per_conversion 0.05");

        // when
        var lifetime = only(lifetime("AUCTION_ADVERTISER", List.of("advertiser_id"), null, null));
        var byDay = only(report(base("AUCTION_ADVERTISER", List.of("stat_time_day"))));
        JsonNode byHour = report(base("AUCTION_ADVERTISER", List.of("stat_time_hour")));

        // then
        assertThat(lifetime.get("dimensions")).containsEntry("advertiser_id", advertiser.id());
        assertThat(lifetime.get("metrics")).isEqualTo(all);
        assertThat(byDay.get("dimensions")).containsEntry("stat_time_day", today + " 00:00:00");
        assertThat(byDay.get("metrics")).isEqualTo(all);
        long hourly = 0;
        for (JsonNode row : byHour) {
            hourly += row.path("metrics").path("impressions").asLong();
        }
        assertThat(hourly).isEqualTo(9);
    }

    @Test
    void sparkAndNonSparkAdsStandSideBySideAtEveryLevel() {
        // when
        JsonNode account = report(base("AUCTION_ADVERTISER", List.of("is_spark")));
        JsonNode accountByDay =
                report(base("AUCTION_ADVERTISER", List.of("stat_time_day", "is_spark")));
        JsonNode campaigns = report(base("AUCTION_CAMPAIGN", List.of("campaign_id", "is_spark")));
        JsonNode ads = report(base("AUCTION_AD", List.of("is_spark", "stat_time_hour")));

        // then
        assertThat(impressionsBy(account, "is_spark")).isEqualTo(Map.of("false", 1L, "true", 8L));
        assertThat(accountByDay).hasSize(2);
        assertThat(accountByDay.get(0).path("dimensions").path("stat_time_day").asString())
                .isEqualTo(today + " 00:00:00");
        assertThat(impressionsBy(accountByDay, "is_spark"))
                .isEqualTo(Map.of("false", 1L, "true", 8L));
        assertThat(account.get(0).path("metrics").path("view_through_rate").asString())
                .isEqualTo("100.00"); // W: 1 of 1 watched to the end
        assertThat(impressionsBy(campaigns, "campaign_id")).isEqualTo(Map.of(c1, 8L, c2, 1L));
        Map<String, String> sparkOfCampaign = new HashMap<>();
        campaigns.forEach(
                r ->
                        sparkOfCampaign.put(
                                r.path("dimensions").path("campaign_id").asString(),
                                r.path("dimensions").path("is_spark").asString()));
        assertThat(sparkOfCampaign).isEqualTo(Map.of(c1, "true", c2, "false"));
        long sparkByHour = 0;
        for (JsonNode row : ads) {
            if (row.path("dimensions").path("is_spark").asString().equals("true")) {
                sparkByHour += row.path("metrics").path("impressions").asLong();
            }
        }
        assertThat(sparkByHour).isEqualTo(8);
    }

    @Test
    void audienceReportsBreakDownByTheRequestsViewerAndPlacementWithNoneForUnknown() {
        // when
        JsonNode ages = report(audience("AUCTION_AD", List.of("ad_id", "age"), "ad_ids", x));
        JsonNode genders = report(audience("AUCTION_AD", List.of("gender"), "ad_ids", x));
        JsonNode countries = report(audience("AUCTION_AD", List.of("country_code"), "ad_ids", x));
        JsonNode placements =
                report(audience("AUCTION_ADVERTISER", List.of("placement"), null, null));
        JsonNode accountAges =
                report(audience("AUCTION_ADVERTISER", List.of("stat_time_day", "age"), null, null));

        // then
        assertThat(impressionsBy(ages, "age"))
                .isEqualTo(Map.of("AGE_18_24", 2L, "AGE_25_34", 1L, "NONE", 1L));
        assertThat(ages.get(0).path("dimensions").path("ad_id").asString()).isEqualTo(x);
        assertThat(impressionsBy(genders, "gender"))
                .isEqualTo(Map.of("FEMALE", 2L, "MALE", 1L, "NONE", 1L));
        assertThat(impressionsBy(countries, "country_code")).isEqualTo(Map.of(regionG1, 4L));
        assertThat(impressionsBy(placements, "placement")).isEqualTo(Map.of("IN_FEED", 9L));
        assertThat(impressionsBy(accountAges, "age"))
                .isEqualTo(Map.of("AGE_18_24", 2L, "AGE_25_34", 1L, "NONE", 6L));
        assertThat(genders.get(0).path("metrics").path("clicks").asString())
                .isEqualTo("1"); // FEMALE: the first impression's click
    }

    @Test
    void rowsSortByAMetricOrADimensionEitherWay() {
        // when
        JsonNode byImpressions =
                report(ordered(base("AUCTION_AD", List.of("ad_id")), "impressions", "DESC"));
        JsonNode byAdDescending =
                report(ordered(base("AUCTION_AD", List.of("ad_id")), "ad_id", "DESC"));
        JsonNode byCtr = report(ordered(base("AUCTION_AD", List.of("ad_id")), "ctr", "ASC"));
        var firstPage = base("AUCTION_AD", List.of("ad_id"));
        firstPage.put("page_size", 2);
        JsonNode paged =
                api.businessGet(advertiser.token(), "/report/integrated/get/", firstPage).data();

        // then: impressions X 4, Y 2, Z 2, W 1 (ties by ad id)
        List<String> yz = Long.parseLong(y) < Long.parseLong(z) ? List.of(y, z) : List.of(z, y);
        assertThat(ids(byImpressions)).containsExactly(x, yz.get(0), yz.get(1), w);
        List<String> descending = new ArrayList<>(List.of(x, y, z, w));
        descending.sort((a, b) -> Long.compare(Long.parseLong(b), Long.parseLong(a)));
        assertThat(ids(byAdDescending)).isEqualTo(descending);
        // ctr: W 0.00, X 50.00, Y 50.00, Z 50.00
        assertThat(ids(byCtr).get(0)).isEqualTo(w);
        assertThat(paged.path("list")).hasSize(2);
        assertThat(paged.path("page_info").path("total_number").asInt()).isEqualTo(4);
    }

    @Test
    void theTotalCountsOnlyAdsWithTrafficOnTheRangesDaysInTheAccountsTimeZone() {
        // given: an account in New York whose ads had traffic on these local days and times
        var account = given.givenAdvertiser("America/New_York");
        long base = 8_000_000_000_000_000L + (System.nanoTime() & 0xFFFFFFFFFFL) * 100;
        long a = base + 1, b = base + 2, c = base + 3, d = base + 4, e = base + 5, f = base + 6;
        List<PaidEvent> events = new ArrayList<>();
        events.add(impression(account, a, "2026-03-10T12:00"));
        events.add(impression(account, b, "2026-02-15T12:00")); // B: only outside 5-20 March
        events.add(impression(account, b, "2026-03-01T12:00"));
        events.add(impression(account, b, "2026-03-31T12:00"));
        events.add(impression(account, c, "2026-03-20T23:59")); // C: the range's last day
        events.add(impression(account, c, "2026-04-02T12:00"));
        events.add(impression(account, d, "2026-03-04T23:30")); // D: 5 March in UTC, not here
        events.add(impression(account, e, "2026-03-05T00:00")); // E: the range's first minute
        events.add(impression(account, e, "2026-03-06T08:00"));
        events.add(impression(account, f, "2026-03-15T12:00"));
        new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> rollups.fold(events));

        // when
        JsonNode first = adPage(account, "2026-03-05", "2026-03-20", 1, 2, null);
        JsonNode second = adPage(account, "2026-03-05", "2026-03-20", 2, 2, null);
        JsonNode beyond = adPage(account, "2026-03-05", "2026-03-20", 3, 2, null);
        JsonNode byImpressions = adPage(account, "2026-03-05", "2026-03-20", 1, 2, "impressions");
        JsonNode acrossMonths = adPage(account, "2026-02-20", "2026-03-03", 1, 10, null);
        JsonNode oneDay = adPage(account, "2026-03-04", "2026-03-04", 1, 10, null);
        JsonNode none = adPage(account, "2026-03-21", "2026-03-30", 1, 10, null);

        // then: A, C, E and F; C's and E's days outside the range are not summed
        assertThat(ids(first.path("list"))).containsExactly(s(a), s(c));
        assertThat(ids(second.path("list"))).containsExactly(s(e), s(f));
        assertThat(impressionsBy(first.path("list"), "ad_id")).containsEntry(s(c), 1L);
        assertThat(impressionsBy(second.path("list"), "ad_id")).containsEntry(s(e), 2L);
        assertThat(beyond.path("list")).isEmpty();
        assertThat(ids(byImpressions.path("list"))).containsExactly(s(e), s(a));
        for (JsonNode page : List.of(first, second, beyond, byImpressions)) {
            assertThat(page.path("page_info").path("total_number").asInt()).isEqualTo(4);
        }
        assertThat(ids(acrossMonths.path("list"))).containsExactly(s(b));
        assertThat(acrossMonths.path("page_info").path("total_number").asInt()).isEqualTo(1);
        assertThat(ids(oneDay.path("list"))).containsExactly(s(d));
        assertThat(oneDay.path("page_info").path("total_number").asInt()).isEqualTo(1);
        assertThat(none.path("list")).isEmpty();
        assertThat(none.path("page_info").path("total_number").asInt()).isEqualTo(0);
    }

    @Test
    void theMigrationsBackfillOfAdActivityGivesTheRowsTheIntakeKeeps() throws Exception {
        // given: the ads' traffic folded by the intake (this class's account, at least)
        String migration;
        try (var in =
                getClass()
                        .getResourceAsStream(
                                "/db/migration/reporting/V811__ad_activity_months.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String backfill =
                migration.substring(migration.indexOf("\nselect ") + 1, migration.lastIndexOf(';'));
        String kept =
                "select advertiser_id, ad_id, month, campaign_id, adgroup_id, spark, days"
                        + " from ad_activity_months";

        // when
        long rows = jdbc.queryForObject("select count(*) from ad_activity_months", Long.class);
        long onlyBackfilled =
                jdbc.queryForObject(
                        "select count(*) from ((" + backfill + ") except (" + kept + ")) x",
                        Long.class);
        long onlyKept =
                jdbc.queryForObject(
                        "select count(*) from ((" + kept + ") except (" + backfill + ")) x",
                        Long.class);

        // then
        assertThat(rows).isPositive();
        assertThat(onlyBackfilled).isZero();
        assertThat(onlyKept).isZero();
    }

    private static PaidEvent impression(ApiFixtures.Advertiser account, long adId, String local) {
        return new PaidEvent(
                new AdLineage(adId, adId + 10, adId + 20, Long.parseLong(account.id())),
                null,
                true,
                PaidMetric.IMPRESSIONS,
                java.time.LocalDateTime.parse(local)
                        .atZone(ZoneId.of("America/New_York"))
                        .toInstant(),
                new BigDecimal("0.01"),
                "viewer-" + adId,
                "impression-" + adId + "-" + local,
                null);
    }

    private JsonNode adPage(
            ApiFixtures.Advertiser account,
            String from,
            String to,
            int page,
            int size,
            String byMetric) {
        var query =
                params(
                        "advertiser_id",
                        account.id(),
                        "report_type",
                        "BASIC",
                        "data_level",
                        "AUCTION_AD",
                        "dimensions",
                        List.of("ad_id"),
                        "metrics",
                        List.of("impressions", "spend"),
                        "start_date",
                        from,
                        "end_date",
                        to,
                        "page",
                        page,
                        "page_size",
                        size);
        if (byMetric != null) {
            ordered(query, byMetric, "DESC");
        }
        var response = api.businessGet(account.token(), "/report/integrated/get/", query);
        assertThat(response.code()).as(response.raw()).isEqualTo(0);
        return response.data();
    }

    private static String s(long id) {
        return Long.toString(id);
    }

    @Test
    void unsupportedCombinationsAreRefusedWithWhatToDo() {
        assertRefused(
                ordered(base("AUCTION_AD", List.of("ad_id")), "video_id", "ASC"),
                "order_field must be one of the report's dimensions");
        assertRefused(
                ordered(base("AUCTION_AD", List.of("ad_id")), "reach", "DESC"), "sorted by reach");
        assertRefused(
                ordered(base("AUCTION_AD", List.of("ad_id")), "ctr", "UP"),
                "order_type must be ASC or DESC");
        assertRefused(base("AUCTION_AD", List.of("ad_id", "age")), "needs report_type AUDIENCE");
        assertRefused(
                audience("AUCTION_AD", List.of("age", "stat_time_hour"), null, null),
                "use stat_time_day");
        assertRefused(audience("AUCTION_AD", List.of("ad_id"), null, null), "at least one of age");
        var reach = audience("AUCTION_AD", List.of("gender"), null, null);
        reach.put("metrics", List.of("impressions", "reach"));
        assertRefused(reach, "an AUDIENCE report has no reach");
        var type = base("AUCTION_AD", List.of("ad_id"));
        type.put("report_type", "PLAYABLE");
        assertRefused(type, "report_type must be BASIC or AUDIENCE");
        assertRefused(base("AUCTION_CAMPAIGN", List.of("ad_id")), "use campaign_id");
    }

    // --- the world ---

    private String sparkAd(String adgroup) {
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String ad = given.givenSparkAd(advertiser, adgroup, post);
        given.approve(ad);
        return ad;
    }

    /** Asks for ads as a viewer of the ad's region with these attributes until the ad is served. */
    private String served(String adId, String ageGroup, String gender) {
        Map<String, Object> viewer = new HashMap<>();
        if (ageGroup != null) {
            viewer.put("age_group", ageGroup);
        }
        if (gender != null) {
            viewer.put("gender", gender);
        }
        return given.servedImpression(adId, ApiFixtures.unique(), viewer);
    }

    private static List<Map<String, Object>> events(
            String impressionId, String viewer, String types) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<Map<String, Object>> events = new ArrayList<>();
        for (String type : types.split(" ")) {
            events.add(
                    Map.of(
                            "event_id",
                            ApiFixtures.unique(),
                            "type",
                            type,
                            "occurred_at",
                            now,
                            "viewer_id",
                            viewer,
                            "impression_id",
                            impressionId));
        }
        return events;
    }

    // --- reports ---

    private Map<String, Object> base(String level, List<String> dimensions) {
        return params(
                "advertiser_id",
                advertiser.id(),
                "report_type",
                "BASIC",
                "data_level",
                level,
                "dimensions",
                dimensions,
                "metrics",
                ReportsMetricNames.ALL,
                "start_date",
                today,
                "end_date",
                today,
                "page_size",
                100);
    }

    private Map<String, Object> audience(
            String level, List<String> dimensions, String filterField, String id) {
        var query = base(level, dimensions);
        query.put("report_type", "AUDIENCE");
        query.put("metrics", List.of("impressions", "clicks", "spend", "ctr"));
        if (filterField != null) {
            query.put("filtering", filter(filterField, id));
        }
        return query;
    }

    private static Map<String, Object> ordered(
            Map<String, Object> query, String field, String type) {
        query.put("order_field", field);
        query.put("order_type", type);
        return query;
    }

    private Map<String, Object> lifetimeQuery(
            String level, List<String> dimensions, String filterField, String id) {
        var query = base(level, dimensions);
        query.remove("start_date");
        query.remove("end_date");
        query.put("query_lifetime", "true");
        if (filterField != null) {
            query.put("filtering", filter(filterField, id));
        }
        return query;
    }

    private JsonNode lifetime(
            String level, List<String> dimensions, String filterField, String id) {
        return report(lifetimeQuery(level, dimensions, filterField, id));
    }

    private static List<Map<String, Object>> filter(String field, String id) {
        return List.of(
                Map.of("field_name", field, "filter_type", "IN", "filter_value", List.of(id)));
    }

    private JsonNode report(Map<String, Object> query) {
        return api.businessGet(advertiser.token(), "/report/integrated/get/", query)
                .data()
                .path("list");
    }

    private void assertRefused(Map<String, Object> query, String message) {
        var response = api.businessGet(advertiser.token(), "/report/integrated/get/", query);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.code()).as(response.raw()).isEqualTo(40002);
        assertThat(response.message()).contains(message);
    }

    private static Map<String, Map<String, String>> only(JsonNode list) {
        assertThat(list).as(list.toString()).hasSize(1);
        Map<String, Map<String, String>> row = new HashMap<>();
        row.put("dimensions", strings(list.get(0).path("dimensions")));
        row.put("metrics", strings(list.get(0).path("metrics")));
        return row;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        return values;
    }

    /** "spend 0.03, impressions 4, …" as a map. */
    private static Map<String, String> expected(String spec) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String[] nameValue = pair.trim().split(" ");
            values.put(nameValue[0], nameValue[1]);
        }
        assertThat(values.keySet()).containsExactlyInAnyOrderElementsOf(ReportsMetricNames.ALL);
        return values;
    }

    private static Map<String, Long> impressionsBy(JsonNode rows, String dimension) {
        Map<String, Long> impressions = new HashMap<>();
        for (JsonNode row : rows) {
            impressions.merge(
                    row.path("dimensions").path(dimension).asString(),
                    row.path("metrics").path("impressions").asLong(),
                    Long::sum);
        }
        return impressions;
    }

    private static List<String> ids(JsonNode rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.path("dimensions").path("ad_id").asString()));
        return ids;
    }

    /** The 30 metric names, as the UI offers them. */
    private static final class ReportsMetricNames {
        static final List<String> ALL = io.sparkads.reporting.Reports.METRIC_NAMES;
    }
}
