package io.sparkads.authorization;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.Advertiser;
import io.sparkads.support.ApiFixtures.CreatorPost;
import io.sparkads.support.Eventually;
import io.sparkads.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Spark authorization end to end: codes, the creative library, account links, and creators in
 * control.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sparkads.authorization.failed-codes-per-advertiser=5")
@ActiveProfiles("it")
class SparkAuthorizationIT {

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort int port;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    // ---- codes

    @Test
    void aCodeGoesFromNotUsedToInUseAndShowsItsValidity() {
        CreatorPost post = given.givenPublicPost();
        String code = given.givenCode(post);
        assertThat(codeStatuses(post)).containsExactly("NOT_USED");

        Advertiser advertiser = given.givenAdvertiser();
        JsonNode preview =
                api.businessGet(
                                advertiser.token(),
                                "/tt_video/info/",
                                params("advertiser_id", advertiser.id(), "auth_code", code))
                        .data();
        Instant start = Instant.parse(preview.path("auth_info").path("auth_start_time").asString());
        Instant end = Instant.parse(preview.path("auth_info").path("auth_end_time").asString());
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofDays(30));
        assertThat(codeStatuses(post)).as("a preview binds nothing").containsExactly("NOT_USED");

        api.businessPost(
                        advertiser.token(),
                        "/tt_video/authorize/",
                        Map.of("advertiser_id", advertiser.id(), "auth_code", code))
                .data();
        assertThat(codeStatuses(post)).containsExactly("IN_USE");
    }

    @Test
    void severalAdAccountsCanApplyOneCodeAndEachUseShowsInTheLedger() {
        CreatorPost post = given.givenPublicPost();
        String code = given.givenCode(post);
        Advertiser first = given.givenAdvertiser();
        Advertiser second = given.givenAdvertiser();
        api.businessPost(
                        first.token(),
                        "/tt_video/authorize/",
                        Map.of("advertiser_id", first.id(), "auth_code", code))
                .data();
        api.businessPost(
                        second.token(),
                        "/tt_video/authorize/",
                        Map.of("advertiser_id", second.id(), "auth_code", code))
                .data();

        JsonNode ledger =
                api.platform("GET", "/posts/" + post.itemId() + "/ad_usage", null)
                        .body()
                        .path("ad_accounts");
        assertThat(ledger).hasSize(2);
        List<String> accounts = new ArrayList<>();
        ledger.forEach(use -> accounts.add(use.path("advertiser_id").asString()));
        assertThat(accounts).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(ledger.get(0).path("paid").path("impressions").asLong()).isZero();
    }

    @Test
    void theLedgerShowsTheAdsAndWhatTheyEarned() {
        var live = given.givenLiveAd(Map.of());
        String impression = given.servedImpression(live.adId(), "ledger-viewer");
        String now = clock.instant().toString();
        api.platform(
                "POST",
                "/events",
                Map.of(
                        "events",
                        List.of(
                                Map.of(
                                        "event_id",
                                        ApiFixtures.unique(),
                                        "type",
                                        "IMPRESSION",
                                        "occurred_at",
                                        now,
                                        "impression_id",
                                        impression),
                                Map.of(
                                        "event_id",
                                        ApiFixtures.unique(),
                                        "type",
                                        "VIDEO_PLAY",
                                        "occurred_at",
                                        now,
                                        "impression_id",
                                        impression))));

        JsonNode use =
                api.platform("GET", "/posts/" + live.post().itemId() + "/ad_usage", null)
                        .body()
                        .path("ad_accounts")
                        .get(0);
        assertThat(use.path("advertiser_id").asString()).isEqualTo(live.advertiser().id());
        assertThat(use.path("ads").get(0).path("ad_id").asLong())
                .isEqualTo(Long.parseLong(live.adId()));
        assertThat(use.path("paid").path("impressions").asLong()).isEqualTo(1);
        assertThat(use.path("paid").path("views").asLong()).isEqualTo(1);
        assertThat(use.path("paid").path("spend").decimalValue()).isEqualByComparingTo("0.01");
    }

    @Test
    void failedCodeAttemptsAreLimitedAndEveryFailureIsAudited() {
        Advertiser advertiser = given.givenAdvertiser();
        for (int i = 0; i < 5; i++) {
            var attempt =
                    api.businessPost(
                            advertiser.token(),
                            "/tt_video/authorize/",
                            Map.of("advertiser_id", advertiser.id(), "auth_code", "#guess" + i));
            assertThat(attempt.code()).isEqualTo(40002);
        }
        var limited =
                api.businessPost(
                        advertiser.token(),
                        "/tt_video/authorize/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "auth_code",
                                given.givenCode(given.givenPublicPost())));
        assertThat(limited.code()).isEqualTo(40100);
        assertThat(limited.message()).contains("try again");
        var previewLimited =
                api.businessGet(
                        advertiser.token(),
                        "/tt_video/info/",
                        params("advertiser_id", advertiser.id(), "auth_code", "#x"));
        assertThat(previewLimited.code()).isEqualTo(40100);

        JsonNode audit =
                api.businessGet(
                                advertiser.token(),
                                "/tt_video/audit/get/",
                                params("advertiser_id", advertiser.id()))
                        .data()
                        .path("list");
        long refusals = 0;
        for (JsonNode entry : audit) {
            if (entry.path("action").asString().equals("CODE_REFUSED")) {
                refusals++;
                assertThat(entry.path("client_address").asString()).isNotBlank();
            }
        }
        assertThat(refusals).isEqualTo(5);
    }

    @Test
    void theLibraryPagesSearchesAndFiltersByStatus() {
        Advertiser advertiser = given.givenAdvertiser();
        List<CreatorPost> posts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CreatorPost post = given.givenPublicPost();
            given.givenBound(advertiser, post);
            posts.add(post);
        }
        api.platform("DELETE", "/posts/" + posts.get(0).itemId() + "/ad_authorization", null);

        JsonNode page =
                api.businessGet(
                                advertiser.token(),
                                "/tt_video/list/",
                                params("advertiser_id", advertiser.id(), "page", 2, "page_size", 2))
                        .data();
        assertThat(page.path("page_info").path("total_number").asInt()).isEqualTo(3);
        assertThat(page.path("page_info").path("total_page").asInt()).isEqualTo(2);
        assertThat(page.path("list")).hasSize(1);

        JsonNode revoked =
                api.businessGet(
                                advertiser.token(),
                                "/tt_video/list/",
                                params("advertiser_id", advertiser.id(), "auth_status", "REVOKED"))
                        .data();
        assertThat(revoked.path("list")).hasSize(1);
        assertThat(revoked.path("list").get(0).path("item_info").path("item_id").asString())
                .isEqualTo(posts.get(0).itemId());

        String name = posts.get(1).displayName();
        JsonNode found =
                api.businessGet(
                                advertiser.token(),
                                "/tt_video/list/",
                                params("advertiser_id", advertiser.id(), "keyword", name))
                        .data();
        assertThat(found.path("list")).hasSize(1);
        assertThat(found.path("list").get(0).path("user_info").path("display_name").asString())
                .isEqualTo(name);

        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/tt_video/list/",
                                        params(
                                                "advertiser_id",
                                                advertiser.id(),
                                                "auth_status",
                                                "LOST"))
                                .code())
                .isEqualTo(40002);
    }

    @Test
    void onlyExpiredOrRevokedPostsCanBeUnbound() {
        Advertiser advertiser = given.givenAdvertiser();
        CreatorPost post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        var live =
                api.businessPost(
                        advertiser.token(),
                        "/tt_video/unbind/",
                        Map.of("advertiser_id", advertiser.id(), "item_id", post.itemId()));
        assertThat(live.code()).isEqualTo(40002);
        assertThat(live.message()).contains("still authorized");

        api.platform("DELETE", "/posts/" + post.itemId() + "/ad_authorization", null);
        api.businessPost(
                        advertiser.token(),
                        "/tt_video/unbind/",
                        Map.of("advertiser_id", advertiser.id(), "item_id", post.itemId()))
                .data();
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/tt_video/list/",
                                        params("advertiser_id", advertiser.id()))
                                .data()
                                .path("list"))
                .isEmpty();
    }

    // ---- creators in control

    @Test
    void revokingOneCodeStopsOnlyTheAdAccountsThatAppliedItWithinOneSecond() {
        CreatorPost post = given.givenPublicPost();
        // One response never shows the same post twice, so the two ad accounts reach different
        // regions.
        String firstRegion = ApiFixtures.uniqueRegion();
        String secondRegion = ApiFixtures.uniqueRegion();
        var first = liveAdWithCode(post, firstRegion);
        var second = liveAdWithCode(post, secondRegion);
        assertThat(servedAdIds("v-first", firstRegion)).contains(first.adId());
        assertThat(servedAdIds("v-second", secondRegion)).contains(second.adId());
        String firstCodeId =
                codes(post)
                        .get(1)
                        .path("code_id")
                        .asString(); // newest first: the second code is [0]

        long started = System.nanoTime();
        assertThat(
                        api.platform(
                                        "DELETE",
                                        "/posts/"
                                                + post.itemId()
                                                + "/ad_authorization/codes/"
                                                + firstCodeId,
                                        null)
                                .status())
                .isEqualTo(204);
        List<String> served = servedAdIds("v-after", firstRegion);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("revoke-to-stop, measured: " + elapsedMillis + " ms");

        assertThat(served).doesNotContain(first.adId());
        assertThat(servedAdIds("v-after", secondRegion)).contains(second.adId());
        assertThat(elapsedMillis)
                .as("revoke-to-stop, including the next ad request")
                .isLessThan(1000);
        assertThat(adStatus(first.advertiser(), first.adId()))
                .isEqualTo("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED");
    }

    @Test
    void makingThePostPrivateStopsItsAdsAndSaysTheAssetIsLost() {
        var live = given.givenLiveAd(Map.of());
        given.servedImpression(live.adId(), "v-private");
        api.platform("PATCH", "/posts/" + live.post().itemId(), Map.of("visibility", "PRIVATE"));
        assertThat(servedAdIds("v-private", ApiFixtures.regionOf(live.adId())))
                .doesNotContain(live.adId());
        assertThat(adStatus(live.advertiser(), live.adId()))
                .isEqualTo("AD_STATUS_ASSET_AUTHORIZATION_LOST");
    }

    @Test
    void anExpiredAuthorizationIsNeverServedEvenBeforeAnythingMarksIt() {
        var live = given.givenLiveAd(Map.of());
        given.servedImpression(live.adId(), "v-expiry");

        clock.advance(Duration.ofDays(31));

        assertThat(servedAdIds("v-expiry", ApiFixtures.regionOf(live.adId())))
                .as("checked at decision time")
                .doesNotContain(live.adId());
        assertThat(adStatus(live.advertiser(), live.adId()))
                .isEqualTo("AD_STATUS_ASSET_AUTHORIZATION_LOST");
        assertThat(codeStatuses(live.post())).containsExactly("EXPIRED");
        JsonNode listed =
                api.businessGet(
                                live.advertiser().token(),
                                "/tt_video/list/",
                                params("advertiser_id", live.advertiser().id()))
                        .data()
                        .path("list")
                        .get(0);
        assertThat(listed.path("auth_info").path("ad_auth_status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void anAdvertiserSeesExpiringPostsAndTheCreatorCanExtendThem() {
        var live = given.givenLiveAd(Map.of());
        clock.advance(Duration.ofDays(25));
        JsonNode listed =
                api.businessGet(
                                live.advertiser().token(),
                                "/tt_video/list/",
                                params("advertiser_id", live.advertiser().id()))
                        .data()
                        .path("list")
                        .get(0);
        assertThat(listed.path("expiring_soon").asBoolean()).isTrue();
        Instant oldEnd = Instant.parse(listed.path("auth_info").path("auth_end_time").asString());

        String requestId =
                api.businessPost(
                                live.advertiser().token(),
                                "/tt_video/extension/create/",
                                Map.of(
                                        "advertiser_id",
                                        live.advertiser().id(),
                                        "item_id",
                                        live.post().itemId(),
                                        "message",
                                        "Our campaign runs to March"))
                        .data()
                        .path("extension_request_id")
                        .asString();
        var again =
                api.businessPost(
                        live.advertiser().token(),
                        "/tt_video/extension/create/",
                        Map.of(
                                "advertiser_id",
                                live.advertiser().id(),
                                "item_id",
                                live.post().itemId()));
        assertThat(again.code()).isEqualTo(40002);

        var decided =
                api.platform(
                        "POST",
                        "/posts/"
                                + live.post().itemId()
                                + "/extension_requests/"
                                + requestId
                                + "/decision",
                        Map.of("decision", "APPROVE", "days", 60));
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        JsonNode after =
                api.businessGet(
                                live.advertiser().token(),
                                "/tt_video/list/",
                                params("advertiser_id", live.advertiser().id()))
                        .data()
                        .path("list")
                        .get(0);
        assertThat(Instant.parse(after.path("auth_info").path("auth_end_time").asString()))
                .isEqualTo(oldEnd.plus(Duration.ofDays(60)));
        assertThat(after.path("expiring_soon").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(10));
        assertThat(servedAdIds("v-extended", ApiFixtures.regionOf(live.adId())))
                .as("the ad runs past the old end")
                .contains(live.adId());
    }

    @Test
    void aCreatorCanDeclineAnExtension() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String requestId =
                api.businessPost(
                                advertiser.token(),
                                "/tt_video/extension/create/",
                                Map.of("advertiser_id", advertiser.id(), "item_id", post.itemId()))
                        .data()
                        .path("extension_request_id")
                        .asString();
        var declined =
                api.platform(
                        "POST",
                        "/posts/"
                                + post.itemId()
                                + "/extension_requests/"
                                + requestId
                                + "/decision",
                        Map.of("decision", "DECLINE"));
        assertThat(declined.body().path("status").asString()).isEqualTo("DECLINED");
        var missingDays =
                api.businessPost(
                        advertiser.token(),
                        "/tt_video/extension/create/",
                        Map.of("advertiser_id", advertiser.id(), "item_id", post.itemId()));
        String second = missingDays.data().path("extension_request_id").asString();
        var noPeriod =
                api.platform(
                        "POST",
                        "/posts/" + post.itemId() + "/extension_requests/" + second + "/decision",
                        Map.of("decision", "APPROVE"));
        assertThat(noPeriod.status()).isEqualTo(400);
        assertThat(noPeriod.body().path("detail").asString()).contains("days");
    }

    @Test
    void theAuditTrailRecordsEachStepAndCannotBeRewritten() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        api.platform("DELETE", "/posts/" + post.itemId() + "/ad_authorization", null);
        api.businessPost(
                        advertiser.token(),
                        "/tt_video/unbind/",
                        Map.of("advertiser_id", advertiser.id(), "item_id", post.itemId()))
                .data();

        List<String> actions = new ArrayList<>();
        api.platform("GET", "/posts/" + post.itemId() + "/audit", null)
                .body()
                .path("entries")
                .forEach(e -> actions.add(e.path("action").asString()));
        assertThat(actions)
                .containsExactly(
                        "POST_UNBOUND", "AUTHORIZATION_TURNED_OFF", "CODE_APPLIED", "CODE_ISSUED");
        List<String> creatorSees = new ArrayList<>();
        api.platform("GET", "/accounts/" + post.accountId() + "/audit", null)
                .body()
                .path("entries")
                .forEach(e -> creatorSees.add(e.path("action").asString()));
        assertThat(creatorSees).containsAll(actions);

        assertThatThrownBy(
                        () ->
                                jdbc.sql(
                                                "update authorization_audit set detail = 'x' where item_id = ?")
                                        .param(Long.parseLong(post.itemId()))
                                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(
                        () ->
                                jdbc.sql("delete from authorization_audit where item_id = ?")
                                        .param(Long.parseLong(post.itemId()))
                                        .update())
                .hasMessageContaining("append-only");
    }

    // ---- account links

    @Test
    void aLinkedAccountsPostsRunWithoutCodesUntilTheCreatorUnlinks() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        String hidden =
                api.platform(
                                "POST",
                                "/posts",
                                Map.of(
                                        "account_id",
                                        post.accountId(),
                                        "caption",
                                        "private",
                                        "duration_ms",
                                        5000,
                                        "visibility",
                                        "PRIVATE"))
                        .body()
                        .path("item_id")
                        .asString();
        JsonNode request =
                api.businessPost(
                                advertiser.token(),
                                "/tt_user/link/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "permissions",
                                        List.of("PULL_POSTS")))
                        .data();
        String linkCode = request.path("link_code").asString();
        assertThat(request.path("expire_time").asString()).isNotBlank();
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/tt_user/link/list/",
                                        params("advertiser_id", advertiser.id()))
                                .data()
                                .path("list")
                                .get(0)
                                .path("status")
                                .asString())
                .isEqualTo("PENDING");

        var approved =
                api.platform(
                        "POST",
                        "/accounts/" + post.accountId() + "/links",
                        Map.of("link_code", linkCode, "permissions", List.of("PULL_POSTS")));
        assertThat(approved.status()).as(approved.raw()).isEqualTo(201);
        assertThat(
                        api.platform(
                                        "POST",
                                        "/accounts/" + post.accountId() + "/links",
                                        Map.of("link_code", linkCode))
                                .status())
                .as("a link code works once")
                .isEqualTo(409);

        JsonNode identity =
                api.businessGet(
                                advertiser.token(),
                                "/identity/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "identity_type",
                                        "TT_USER"))
                        .data()
                        .path("identity_list")
                        .get(0);
        assertThat(identity.path("identity_id").asString()).isEqualTo(post.accountId());
        assertThat(identity.path("can_pull_video").asBoolean()).isTrue();
        JsonNode videos =
                api.businessGet(
                                advertiser.token(),
                                "/identity/video/get/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "identity_type",
                                        "TT_USER",
                                        "identity_id",
                                        post.accountId()))
                        .data();
        List<String> items = new ArrayList<>();
        videos.path("video_list").forEach(v -> items.add(v.path("item_id").asString()));
        assertThat(items).containsExactly(post.itemId()).doesNotContain(hidden);
        JsonNode info =
                api.businessGet(
                                advertiser.token(),
                                "/identity/video/info/",
                                params(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "identity_type",
                                        "TT_USER",
                                        "identity_id",
                                        post.accountId(),
                                        "item_ids",
                                        List.of(post.itemId())))
                        .data();
        assertThat(info.path("list").get(0).path("item_id").asString()).isEqualTo(post.itemId());

        String adgroup = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());
        String adId =
                api.businessPost(
                                advertiser.token(),
                                "/ad/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "adgroup_id",
                                        adgroup,
                                        "creatives",
                                        List.of(
                                                Map.of(
                                                        "ad_name",
                                                        "linked",
                                                        "identity_type",
                                                        "TT_USER",
                                                        "identity_id",
                                                        post.accountId(),
                                                        "tiktok_item_id",
                                                        post.itemId()))))
                        .data()
                        .path("ad_ids")
                        .get(0)
                        .asString();
        ApiFixtures.madeIn(adId, adgroup);
        given.approve(adId);
        given.servedImpression(adId, "v-linked");

        assertThat(
                        api.platform(
                                        "DELETE",
                                        "/accounts/"
                                                + post.accountId()
                                                + "/links/"
                                                + advertiser.id(),
                                        null)
                                .status())
                .isEqualTo(204);
        assertThat(servedAdIds("v-linked", ApiFixtures.regionOf(adId))).doesNotContain(adId);
        assertThat(adStatus(advertiser, adId)).isEqualTo("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED");
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/identity/video/get/",
                                        params(
                                                "advertiser_id",
                                                advertiser.id(),
                                                "identity_type",
                                                "TT_USER",
                                                "identity_id",
                                                post.accountId()))
                                .code())
                .isEqualTo(40002);
    }

    @Test
    void aLinkRequestNobodyApprovedExpires() {
        var advertiser = given.givenAdvertiser();
        var creator = given.givenPublicPost();
        String linkCode =
                api.businessPost(
                                advertiser.token(),
                                "/tt_user/link/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "permissions",
                                        List.of("PULL_POSTS")))
                        .data()
                        .path("link_code")
                        .asString();
        clock.advance(Duration.ofDays(8));
        var late =
                api.platform(
                        "POST",
                        "/accounts/" + creator.accountId() + "/links",
                        Map.of("link_code", linkCode));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().path("detail").asString()).contains("expired");
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/tt_user/link/list/",
                                        params("advertiser_id", advertiser.id()))
                                .data()
                                .path("list")
                                .get(0)
                                .path("status")
                                .asString())
                .isEqualTo("EXPIRED");
    }

    @Test
    void theAdvertiserCanUnlinkToo() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        String linkCode =
                api.businessPost(
                                advertiser.token(),
                                "/tt_user/link/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "permissions",
                                        List.of("PULL_POSTS", "PUSH_VIDEOS")))
                        .data()
                        .path("link_code")
                        .asString();
        var noChoice =
                api.platform(
                        "POST",
                        "/accounts/" + post.accountId() + "/links",
                        Map.of("link_code", linkCode));
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(noChoice.body().path("detail").asString()).contains("ads_only");
        assertThat(
                        api.platform(
                                        "POST",
                                        "/accounts/" + post.accountId() + "/links",
                                        Map.of("link_code", linkCode, "ads_only", true))
                                .status())
                .isEqualTo(201);
        api.businessPost(
                        advertiser.token(),
                        "/tt_user/link/delete/",
                        Map.of("advertiser_id", advertiser.id(), "identity_id", post.accountId()))
                .data();
        JsonNode links =
                api.platform("GET", "/accounts/" + post.accountId() + "/links", null)
                        .body()
                        .path("links");
        assertThat(links.get(0).path("status").asString()).isEqualTo("UNLINKED");
        List<String> actions = new ArrayList<>();
        api.platform("GET", "/accounts/" + post.accountId() + "/audit", null)
                .body()
                .path("entries")
                .forEach(e -> actions.add(e.path("action").asString()));
        assertThat(actions).contains("LINKED", "UNLINKED");
    }

    // ---- isolation

    @Test
    void aTokenForOneAdvertiserReachesNoEndpointOfAnother() {
        var mine = given.givenAdvertiser();
        var theirs = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(theirs, post);
        String code = given.givenCode(given.givenPublicPost());
        String id = theirs.id();
        List<ApiClient.Response> attempts =
                List.of(
                        api.businessPost(
                                mine.token(),
                                "/tt_video/authorize/",
                                Map.of("advertiser_id", id, "auth_code", code)),
                        api.businessGet(
                                mine.token(),
                                "/tt_video/info/",
                                params("advertiser_id", id, "auth_code", code)),
                        api.businessGet(
                                mine.token(), "/tt_video/list/", params("advertiser_id", id)),
                        api.businessPost(
                                mine.token(),
                                "/tt_video/unbind/",
                                Map.of("advertiser_id", id, "item_id", post.itemId())),
                        api.businessPost(
                                mine.token(),
                                "/tt_video/extension/create/",
                                Map.of("advertiser_id", id, "item_id", post.itemId())),
                        api.businessGet(
                                mine.token(), "/tt_video/audit/get/", params("advertiser_id", id)),
                        api.businessGet(
                                mine.token(), "/identity/get/", params("advertiser_id", id)),
                        api.businessGet(
                                mine.token(),
                                "/identity/video/get/",
                                params(
                                        "advertiser_id",
                                        id,
                                        "identity_type",
                                        "TT_USER",
                                        "identity_id",
                                        post.accountId())),
                        api.businessGet(
                                mine.token(),
                                "/identity/video/info/",
                                params(
                                        "advertiser_id",
                                        id,
                                        "identity_type",
                                        "TT_USER",
                                        "identity_id",
                                        post.accountId(),
                                        "item_ids",
                                        List.of(post.itemId()))),
                        api.businessPost(
                                mine.token(),
                                "/tt_user/link/create/",
                                Map.of("advertiser_id", id, "permissions", List.of("PULL_POSTS"))),
                        api.businessGet(
                                mine.token(), "/tt_user/link/list/", params("advertiser_id", id)),
                        api.businessPost(
                                mine.token(),
                                "/tt_user/link/delete/",
                                Map.of("advertiser_id", id, "identity_id", post.accountId())));
        for (ApiClient.Response attempt : attempts) {
            assertThat(attempt.code()).as(attempt.raw()).isEqualTo(40001);
        }
        // Under my own id, their bindings and identities do not exist for me.
        assertThat(
                        api.businessGet(
                                        mine.token(),
                                        "/tt_video/list/",
                                        params("advertiser_id", mine.id()))
                                .data()
                                .path("list"))
                .isEmpty();
        assertThat(
                        api.businessGet(
                                        mine.token(),
                                        "/identity/get/",
                                        params("advertiser_id", mine.id()))
                                .data()
                                .path("identity_list"))
                .isEmpty();
        assertThat(
                        api.businessPost(
                                        mine.token(),
                                        "/tt_video/unbind/",
                                        Map.of(
                                                "advertiser_id",
                                                mine.id(),
                                                "item_id",
                                                post.itemId()))
                                .code())
                .isEqualTo(40002);
        assertThat(
                        api.businessPost(
                                        mine.token(),
                                        "/tt_video/extension/create/",
                                        Map.of(
                                                "advertiser_id",
                                                mine.id(),
                                                "item_id",
                                                post.itemId()))
                                .code())
                .isEqualTo(40002);
        assertThat(
                        api.businessGet(
                                        mine.token(),
                                        "/identity/video/get/",
                                        params(
                                                "advertiser_id",
                                                mine.id(),
                                                "identity_type",
                                                "TT_USER",
                                                "identity_id",
                                                post.accountId()))
                                .code())
                .isEqualTo(40002);
        assertThat(
                        api.businessPost(
                                        mine.token(),
                                        "/tt_user/link/delete/",
                                        Map.of(
                                                "advertiser_id",
                                                mine.id(),
                                                "identity_id",
                                                post.accountId()))
                                .code())
                .isEqualTo(40002);
    }

    // ---- helpers

    private ApiFixtures.LiveAd liveAdWithCode(CreatorPost post, String region) {
        Advertiser advertiser = given.givenAdvertiser();
        given.givenBound(advertiser, post);
        String campaign = given.givenCampaign(advertiser);
        String adgroup =
                given.givenAdGroup(advertiser, campaign, Map.of("location_ids", List.of(region)));
        String ad = given.givenSparkAd(advertiser, adgroup, post);
        given.approve(ad);
        return new ApiFixtures.LiveAd(advertiser, post, campaign, adgroup, ad);
    }

    private List<JsonNode> codes(CreatorPost post) {
        List<JsonNode> codes = new ArrayList<>();
        api.platform("GET", "/posts/" + post.itemId() + "/ad_authorization", null)
                .body()
                .path("codes")
                .forEach(codes::add);
        return codes;
    }

    private List<String> codeStatuses(CreatorPost post) {
        return codes(post).stream().map(c -> c.path("status").asString()).toList();
    }

    private List<String> servedAdIds(String viewerId, String region) {
        return given.servedAdIds("IN_FEED", viewerId, region);
    }

    private String adStatus(Advertiser advertiser, String adId) {
        return Eventually.await(
                Duration.ofSeconds(5),
                () -> {
                    String status = given.ad(advertiser, adId).path("secondary_status").asString();
                    assertThat(status).isNotEqualTo("AD_STATUS_DELIVERY_OK");
                    return status;
                });
    }
}
