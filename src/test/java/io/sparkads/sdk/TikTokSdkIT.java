package io.sparkads.sdk;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.Advertiser;
import io.sparkads.support.ApiFixtures.CreatorPost;
import io.sparkads.support.Eventually;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * TikTok's official Node SDK ({@code tiktok-business-api-sdk-official} 1.1.3, pinned in {@code
 * src/test/sdk}) drives the Business API of the started server with nothing changed but its base
 * URL: campaign, ad group and Spark ad create/get/status update, and an integrated report. The data
 * the SDK needs (an ad account, a token, an authorized post, and an approved ad with a paid
 * impression and click for the report) is made over HTTP beforehand; what the SDK saw is then
 * compared with what the server's own API answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class TikTokSdkIT {
    private static final String TIMEZONE = "America/New_York";

    /** Only the live ad targets this country, so other tests' ad requests never get it. */
    private static final String LIVE_AD_REGION = "IS";

    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration FLOW_TIMEOUT = Duration.ofMinutes(2);

    @LocalServerPort int port;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void theOfficialSdkCreatesReadsAndPausesASparkAdAndReadsTheReport() throws Exception {
        Path sdkDir = sdkDirectory();
        assumeTrue(
                works(sdkDir, "node", "--version") && works(sdkDir, npm(), "--version"),
                "node and npm are not installed; TikTok's Node SDK test needs both on the PATH");
        installSdk(sdkDir);

        Advertiser advertiser = given.givenAdvertiser(TIMEZONE);
        CreatorPost post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        LiveAd live = givenLiveAdWithAnImpressionAndAClick(advertiser);
        LocalDate today = LocalDate.now(ZoneId.of(TIMEZONE));
        String startDate = today.minusDays(1).toString();
        String endDate = today.plusDays(1).toString();
        JsonNode ownReport =
                Eventually.await(
                        Duration.ofSeconds(10),
                        () -> {
                            JsonNode list = report(advertiser, startDate, endDate).path("list");
                            assertThat(list).as("the report before the SDK runs").isNotEmpty();
                            return list;
                        });

        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPARKADS_BASE_URL", "http://localhost:" + port);
        env.put("SPARKADS_ACCESS_TOKEN", advertiser.token());
        env.put("SPARKADS_ADVERTISER_ID", advertiser.id());
        env.put("SPARKADS_IDENTITY_ID", post.accountId());
        env.put("SPARKADS_TIKTOK_ITEM_ID", post.itemId());
        env.put("SPARKADS_LIVE_AD_ID", live.adId());
        env.put("SPARKADS_REPORT_START_DATE", startDate);
        env.put("SPARKADS_REPORT_END_DATE", endDate);
        Run flow;
        try {
            flow = run(sdkDir, env, FLOW_TIMEOUT, "node", "sdk-flow.mjs");
        } finally {
            // Whatever the SDK managed, the live ad must not stay deliverable for other tests.
            api.businessPost(
                    advertiser.token(),
                    "/ad/status/update/",
                    params(
                            "advertiser_id", advertiser.id(),
                            "ad_ids", List.of(live.adId()),
                            "operation_status", "DISABLE"));
        }
        assertThat(flow.exitCode())
                .as("sdk-flow.mjs exit code; its output:\n%s\n%s", flow.stdout(), flow.stderr())
                .isZero();
        JsonNode summary = summary(flow);
        // Every difference at once: each one is a wire incompatibility to fix in the server.
        SoftAssertions softly = new SoftAssertions();
        JsonNode own = ownViews(advertiser);

        // Campaign: created, found by its id among the account's two campaigns, then disabled.
        JsonNode campaign = summary.path("campaign");
        String campaignId = text(campaign, "campaign_id");
        softly.assertThat(ids(own.path("campaigns"), "campaign_id"))
                .as("campaigns of the account, by the server's own API")
                .containsExactlyInAnyOrder(live.campaignId(), campaignId);
        softly.assertThat(text(campaign, "create", "campaign_id")).isEqualTo(campaignId);
        softly.assertThat(campaign.path("get_count").asInt())
                .as("campaigns matching filtering.campaign_ids")
                .isOne();
        softly.assertThat(text(campaign, "get", "campaign_id")).isEqualTo(campaignId);
        softly.assertThat(text(campaign, "get", "objective_type")).isEqualTo("REACH");
        softly.assertThat(text(campaign, "get", "operation_status")).isEqualTo("ENABLE");
        softly.assertThat(text(campaign, "get", "secondary_status"))
                .isEqualTo("CAMPAIGN_STATUS_ENABLE");
        softly.assertThat(ids(campaign.path("status_update").path("campaign_ids"), null))
                .containsExactly(campaignId);
        softly.assertThat(text(campaign, "get_after_status_update", "operation_status"))
                .isEqualTo("DISABLE")
                .isEqualTo(
                        text(
                                item(own.path("campaigns"), "campaign_id", campaignId),
                                "operation_status"));
        softly.assertThat(text(campaign, "get_after_status_update", "secondary_status"))
                .isEqualTo("CAMPAIGN_STATUS_DISABLE");

        // Ad group: in the SDK's campaign, found by its id among the account's two.
        JsonNode adgroup = summary.path("adgroup");
        String adgroupId = text(adgroup, "adgroup_id");
        softly.assertThat(ids(own.path("adgroups"), "adgroup_id"))
                .as("ad groups of the account, by the server's own API")
                .containsExactlyInAnyOrder(live.adgroupId(), adgroupId);
        softly.assertThat(adgroup.path("get_count").asInt())
                .as("ad groups matching filtering.adgroup_ids")
                .isOne();
        softly.assertThat(text(adgroup, "get", "adgroup_id")).isEqualTo(adgroupId);
        softly.assertThat(text(adgroup, "get", "campaign_id")).isEqualTo(campaignId);
        softly.assertThat(text(adgroup, "get", "billing_event")).isEqualTo("CPM");
        softly.assertThat(text(adgroup, "get", "optimization_goal")).isEqualTo("REACH");
        softly.assertThat(ids(adgroup.path("get").path("location_ids"), null))
                .as("the ad group's location_ids: TikTok's location ids, as the SDK sent them")
                .containsExactly("6252001");
        softly.assertThat(text(adgroup, "get", "secondary_status"))
                .as("the ad group's secondary_status, which TikTok's adgroup/get always carries")
                .startsWith("ADGROUP_STATUS_");

        // Spark ad: the creator's post under its identity, waiting in review, then disabled.
        JsonNode ad = summary.path("ad");
        String adId = text(ad, "ad_id");
        softly.assertThat(ids(own.path("ads"), "ad_id"))
                .as("ads of the account, by the server's own API")
                .containsExactlyInAnyOrder(live.adId(), adId);
        softly.assertThat(ids(ad.path("create").path("ad_ids"), null)).containsExactly(adId);
        softly.assertThat(ad.path("get_count").asInt()).as("ads matching filtering.ad_ids").isOne();
        softly.assertThat(text(ad, "get", "ad_id")).isEqualTo(adId);
        softly.assertThat(text(ad, "get", "adgroup_id")).isEqualTo(adgroupId);
        softly.assertThat(text(ad, "get", "campaign_id")).isEqualTo(campaignId);
        softly.assertThat(text(ad, "get", "identity_type")).isEqualTo("AUTH_CODE");
        softly.assertThat(text(ad, "get", "identity_id")).isEqualTo(post.accountId());
        softly.assertThat(text(ad, "get", "tiktok_item_id")).isEqualTo(post.itemId());
        softly.assertThat(text(ad, "get", "operation_status")).isEqualTo("ENABLE");
        softly.assertThat(text(ad, "get", "secondary_status")).isEqualTo("AD_STATUS_AUDIT");
        softly.assertThat(pendingReviewAdIds()).as("ads waiting for review").contains(adId);

        softly.assertThat(ids(ad.path("status_update").path("ad_ids"), null))
                .containsExactlyInAnyOrder(adId, live.adId());
        softly.assertThat(text(ad, "status_update", "status")).isEqualTo("DISABLE");
        softly.assertThat(ad.path("get_after_status_update_count").asInt()).isEqualTo(2);
        softly.assertThat(text(ad, "get_after_status_update", "operation_status"))
                .isEqualTo("DISABLE");
        // Review comes first in the server's secondary_status order, so it stays AD_STATUS_AUDIT.
        softly.assertThat(text(ad, "get_after_status_update", "secondary_status"))
                .isEqualTo("AD_STATUS_AUDIT")
                .isEqualTo(text(item(own.path("ads"), "ad_id", adId), "secondary_status"));
        JsonNode liveAd = summary.path("live_ad").path("get_after_status_update");
        softly.assertThat(text(liveAd, "ad_id")).isEqualTo(live.adId());
        softly.assertThat(text(liveAd, "operation_status")).isEqualTo("DISABLE");
        softly.assertThat(text(liveAd, "secondary_status")).isEqualTo("AD_STATUS_DISABLE");

        // Report: the SDK reads the same rows as the server's own API, with the live ad's events.
        JsonNode rows = summary.path("report").path("list");
        softly.assertThat(rows).as("report rows the SDK read").isEqualTo(ownReport);
        JsonNode liveRow = item(rows, "ad_id", live.adId());
        softly.assertThat(text(liveRow, "dimensions", "stat_time_day"))
                .isEqualTo(today + " 00:00:00");
        softly.assertThat(text(liveRow, "metrics", "impressions")).isEqualTo("1");
        softly.assertThat(text(liveRow, "metrics", "clicks")).isEqualTo("1");
        softly.assertThat(text(liveRow, "metrics", "spend")).isEqualTo("0.01");
        for (JsonNode row : rows) {
            softly.assertThat(text(row, "dimensions", "ad_id")).isIn(live.adId(), adId);
        }
        softly.assertAll();
    }

    // ---- data the SDK needs

    record LiveAd(String campaignId, String adgroupId, String adId) {}

    /**
     * An approved Spark ad of the advertiser, served once in {@link #LIVE_AD_REGION} and clicked.
     */
    private LiveAd givenLiveAdWithAnImpressionAndAClick(Advertiser advertiser) {
        CreatorPost post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String campaignId = given.givenCampaign(advertiser);
        String adgroupId =
                given.givenAdGroup(
                        advertiser, campaignId, Map.of("location_ids", List.of(LIVE_AD_REGION)));
        String adId = given.givenSparkAd(advertiser, adgroupId, post);
        given.approve(adId);
        String viewerId = "sdk-viewer-" + ApiFixtures.unique();
        String impressionId =
                Eventually.await(
                        Duration.ofSeconds(10),
                        () -> {
                            var response =
                                    api.platform(
                                            "POST",
                                            "/ad_requests",
                                            params(
                                                    "request_id",
                                                    ApiFixtures.unique(),
                                                    "placement",
                                                    "IN_FEED",
                                                    "slots",
                                                    10,
                                                    "viewer",
                                                    params(
                                                            "viewer_id", viewerId,
                                                            "region", LIVE_AD_REGION)));
                            assertThat(response.status()).as(response.raw()).isEqualTo(200);
                            for (JsonNode served : response.body().path("ads")) {
                                if (served.path("ad_id").asString().equals(adId)) {
                                    return served.path("impression_id").asString();
                                }
                            }
                            throw new AssertionError(
                                    "ad " + adId + " not served: " + response.raw());
                        });
        String now = Instant.now().toString();
        var events =
                api.platform(
                        "POST",
                        "/events",
                        Map.of(
                                "events",
                                List.of(
                                        event("IMPRESSION", now, viewerId, impressionId),
                                        event("CLICK", now, viewerId, impressionId))));
        assertThat(events.status()).as(events.raw()).isEqualTo(200);
        assertThat(events.body().path("accepted").asInt()).as(events.raw()).isEqualTo(2);
        return new LiveAd(campaignId, adgroupId, adId);
    }

    private static Map<String, Object> event(
            String type, String occurredAt, String viewerId, String impressionId) {
        return params(
                "event_id", type.toLowerCase(Locale.ROOT) + "-" + ApiFixtures.unique(),
                "type", type,
                "occurred_at", occurredAt,
                "viewer_id", viewerId,
                "impression_id", impressionId);
    }

    /** The report the SDK asks for, as the server's own API answers it. */
    private JsonNode report(Advertiser advertiser, String startDate, String endDate) {
        return api.businessGet(
                        advertiser.token(),
                        "/report/integrated/get/",
                        params(
                                "advertiser_id",
                                advertiser.id(),
                                "report_type",
                                "BASIC",
                                "data_level",
                                "AUCTION_AD",
                                "dimensions",
                                List.of("ad_id", "stat_time_day"),
                                "metrics",
                                List.of("impressions", "clicks", "spend"),
                                "start_date",
                                startDate,
                                "end_date",
                                endDate,
                                "page",
                                1,
                                "page_size",
                                100))
                .data();
    }

    private Set<String> pendingReviewAdIds() {
        var reviews = api.admin("GET", "/reviews?status=PENDING&page_size=1000", null);
        assertThat(reviews.status()).as(reviews.raw()).isEqualTo(200);
        return new HashSet<>(ids(reviews.body().path("reviews"), "ad_id"));
    }

    // ---- reading what the SDK saw

    /** The values of a field across a list; {@code null} field: the items are the values. */
    private static List<String> ids(JsonNode list, String field) {
        List<String> ids = new ArrayList<>();
        for (JsonNode item : list) {
            ids.add(field == null ? item.asString() : item.path(field).asString());
        }
        return ids;
    }

    /** The item of a list whose field holds the id; a report row by its dimensions. */
    private static JsonNode item(JsonNode list, String field, String id) {
        for (JsonNode item : list) {
            JsonNode holder = item.has("dimensions") ? item.path("dimensions") : item;
            if (holder.path(field).asString().equals(id)) {
                return item;
            }
        }
        return MissingNode.getInstance();
    }

    /** The text at a path, "" when it is missing. */
    private static String text(JsonNode node, String... path) {
        JsonNode at = node;
        for (String step : path) {
            at = at.path(step);
        }
        return at.isValueNode() ? at.asString() : "";
    }

    /** The account's campaigns, ad groups and ads, as the server's own API lists them. */
    private JsonNode ownViews(Advertiser advertiser) {
        var views = ApiClient.json().createObjectNode();
        for (String kind : List.of("campaign", "adgroup", "ad")) {
            views.set(
                    kind + "s",
                    api.businessGet(
                                    advertiser.token(),
                                    "/" + kind + "/get/",
                                    params("advertiser_id", advertiser.id(), "page_size", 100))
                            .data()
                            .path("list"));
        }
        return views;
    }

    private static JsonNode summary(Run flow) {
        String[] lines = flow.stdout().strip().split("\\R");
        String last = lines[lines.length - 1];
        try {
            JsonNode summary = ApiClient.json().readTree(last);
            assertThat(summary.isObject()).as("summary line %s", last).isTrue();
            return summary;
        } catch (RuntimeException e) {
            return fail(
                    "sdk-flow.mjs printed no JSON summary:\n%s\n%s", flow.stdout(), flow.stderr());
        }
    }

    // ---- running Node

    record Run(int exitCode, String stdout, String stderr) {}

    private static Path sdkDirectory() {
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("src/test/sdk");
        assertThat(dir.resolve("package-lock.json")).as("the pinned SDK project").exists();
        return dir.toAbsolutePath().normalize();
    }

    private static String npm() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "npm.cmd"
                : "npm";
    }

    /** Whether a command starts and succeeds, e.g. {@code node --version}. */
    private static boolean works(Path dir, String... command) {
        try {
            return run(dir, Map.of(), Duration.ofSeconds(30), command).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code npm ci} once: the SDK exactly as package-lock.json pins it. */
    private static void installSdk(Path dir) throws IOException {
        if (Files.isDirectory(dir.resolve("node_modules/tiktok-business-api-sdk-official"))) {
            return;
        }
        Run install =
                run(
                        dir,
                        Map.of(),
                        NPM_CI_TIMEOUT,
                        npm(),
                        "ci",
                        "--no-audit",
                        "--no-fund",
                        "--loglevel=error");
        assertThat(install.exitCode())
                .as("npm ci in %s:\n%s\n%s", dir, install.stdout(), install.stderr())
                .isZero();
    }

    private static Run run(Path dir, Map<String, String> env, Duration timeout, String... command)
            throws IOException {
        Path out = Files.createTempFile("sdk-flow", ".out");
        Path err = Files.createTempFile("sdk-flow", ".err");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command)
                            .directory(dir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile());
            builder.environment().put("NO_UPDATE_NOTIFIER", "1");
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while running " + List.of(command), e);
            }
            if (!finished) {
                process.destroyForcibly();
                return fail(
                        "%s did not finish within %s:\n%s\n%s",
                        List.of(command),
                        timeout,
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
