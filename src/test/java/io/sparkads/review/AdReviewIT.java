package io.sparkads.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** Automatic checks run first, each with a reason; a failure rejects the ad with that reason. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class AdReviewIT {
    @LocalServerPort int port;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void everyCheckIsListedWithItsReasonForThePerson() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String adId =
                given.givenSparkAd(
                        advertiser,
                        given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of()),
                        post);
        JsonNode review = pendingReview(adId);
        assertThat(review.path("checks")).hasSize(5);
        assertThat(review.path("checks").get(4).path("check").asString()).isEqualTo("DESTINATION");
        assertThat(review.path("checks").get(4).path("reason").asString())
                .isEqualTo("leads to its landing page");
        for (JsonNode check : review.path("checks")) {
            assertThat(check.path("passed").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.path("reason").asString()).isNotBlank();
        }
    }

    @Test
    void textWithARestrictedTermIsRejectedAutomaticallyWithTheReason() {
        var bad = given.givenSparkAdWithCaption("This MIRACLE CURE works");
        var advertiser = bad.advertiser();
        String adId = bad.adId();

        JsonNode ad =
                Eventually.await(
                        Duration.ofSeconds(5),
                        () -> {
                            JsonNode found = given.ad(advertiser, adId);
                            assertThat(found.path("secondary_status").asString())
                                    .isEqualTo("AD_STATUS_AUDIT_DENY");
                            return found;
                        });
        assertThat(ad.path("reject_reason").asString())
                .contains("Automatic checks failed")
                .contains("miracle cure");
    }

    @Test
    void aClaimToWeighIsLeftForAPersonWithTheReason() {
        String adId = given.givenSparkAdWithCaption("The best serum, free shipping").adId();

        JsonNode review = pendingReview(adId);

        JsonNode policy = null;
        for (JsonNode check : review.path("checks")) {
            if (check.path("check").asString().equals("POLICY_TERMS")) {
                policy = check;
            }
        }
        assertThat(policy).as(review.toString()).isNotNull();
        assertThat(policy.path("outcome").asString()).isEqualTo("NEEDS_A_LOOK");
        assertThat(policy.path("passed").asBoolean()).isFalse();
        assertThat(policy.path("reason").asString())
                .isEqualTo("the text says \"free\", \"best\": check that the claims hold");
    }

    @Test
    void aPostThatWentPrivateBeforeReviewFailsItsCheck() {
        var advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String adgroup = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());
        String adId = given.givenSparkAd(advertiser, adgroup, post);
        pendingReview(adId);
        api.platform("PATCH", "/posts/" + post.itemId(), Map.of("visibility", "PRIVATE"));
        JsonNode ad =
                Eventually.await(
                        Duration.ofSeconds(5),
                        () -> {
                            JsonNode found = given.ad(advertiser, adId);
                            assertThat(found.path("secondary_status").asString())
                                    .isEqualTo("AD_STATUS_ASSET_AUTHORIZATION_LOST");
                            return found;
                        });
        assertThat(ad.path("authorization_reason").asString()).contains("private");
    }

    private JsonNode pendingReview(String adId) {
        return Eventually.await(
                Duration.ofSeconds(5),
                () -> {
                    for (JsonNode review :
                            api.admin("GET", "/reviews?status=PENDING&page_size=1000", null)
                                    .body()
                                    .path("reviews")) {
                        if (review.path("ad_id").asString().equals(adId)) {
                            return review;
                        }
                    }
                    throw new AssertionError("no pending review for " + adId);
                });
    }

    /** With auto-approval on, an ad that passes every check delivers without a person. */
    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "sparkads.review.auto-approve=true")
    @ActiveProfiles("it")
    class AutoApproval {
        @LocalServerPort int autoPort;

        @Test
        void anAdPassingEveryCheckIsApprovedAndServed() {
            ApiClient auto = new ApiClient(autoPort);
            ApiFixtures fixtures = new ApiFixtures(auto);
            var advertiser = fixtures.givenAdvertiser();
            var post = fixtures.givenPublicPost();
            fixtures.givenBound(advertiser, post);
            String adId =
                    fixtures.givenSparkAd(
                            advertiser,
                            fixtures.givenAdGroup(
                                    advertiser, fixtures.givenCampaign(advertiser), Map.of()),
                            post);
            fixtures.servedImpression(adId, "auto-viewer");
            JsonNode approved =
                    auto.admin("GET", "/reviews?status=APPROVED&page_size=1000", null)
                            .body()
                            .path("reviews");
            assertThat(approved.toString()).contains(adId).contains("automatic checks");
        }

        @Test
        void theAdsOfOneRequestAreEachReviewedOnTheirOwn() {
            ApiClient auto = new ApiClient(autoPort);
            ApiFixtures fixtures = new ApiFixtures(auto);
            var advertiser = fixtures.givenAdvertiser();
            var clean = fixtures.givenPublicPost();
            var claim = postOf(fixtures, clean, "Our #1 serum");
            var restricted = postOf(fixtures, clean, "This miracle cure works");
            for (var post : List.of(clean, claim, restricted)) {
                fixtures.givenBound(advertiser, post);
            }
            String adgroup =
                    fixtures.givenAdGroup(advertiser, fixtures.givenCampaign(advertiser), Map.of());

            JsonNode created =
                    auto.businessPost(
                                    advertiser.token(),
                                    "/ad/create/",
                                    Map.of(
                                            "advertiser_id",
                                            advertiser.id(),
                                            "adgroup_id",
                                            adgroup,
                                            "creatives",
                                            List.of(
                                                    creative(clean),
                                                    creative(claim),
                                                    creative(restricted))))
                            .data();

            List<String> adIds = new ArrayList<>();
            created.path("ad_ids").forEach(id -> adIds.add(id.asString()));
            assertThat(adIds).hasSize(3);
            Eventually.await(
                    Duration.ofSeconds(5),
                    () -> {
                        assertThat(
                                        adIds.stream()
                                                .map(
                                                        id ->
                                                                fixtures.ad(advertiser, id)
                                                                        .path("secondary_status")
                                                                        .asString())
                                                .toList())
                                .containsExactly(
                                        "AD_STATUS_DELIVERY_OK",
                                        "AD_STATUS_AUDIT",
                                        "AD_STATUS_AUDIT_DENY");
                    });
            assertThat(fixtures.ad(advertiser, adIds.get(2)).path("reject_reason").asString())
                    .contains("miracle cure");
        }

        private static ApiFixtures.CreatorPost postOf(
                ApiFixtures fixtures, ApiFixtures.CreatorPost sibling, String caption) {
            return new ApiFixtures.CreatorPost(
                    sibling.accountId(),
                    fixtures.givenPostOf(sibling, caption, 8000, "PUBLIC"),
                    sibling.displayName());
        }

        private static Map<String, Object> creative(ApiFixtures.CreatorPost post) {
            return Map.of(
                    "ad_name",
                    "Batch " + ApiFixtures.unique().substring(0, 8),
                    "identity_type",
                    "AUTH_CODE",
                    "identity_id",
                    post.accountId(),
                    "tiktok_item_id",
                    post.itemId());
        }

        @Test
        void anAdWhoseCheckNeedsALookWaitsForAPerson() {
            ApiClient auto = new ApiClient(autoPort);
            ApiFixtures fixtures = new ApiFixtures(auto);
            var claimAd = fixtures.givenSparkAdWithCaption("Our #1 serum");
            String adId = claimAd.adId();

            Eventually.await(
                    Duration.ofSeconds(5),
                    () -> {
                        assertThat(
                                        auto.admin(
                                                        "GET",
                                                        "/reviews?status=PENDING&page_size=1000",
                                                        null)
                                                .body()
                                                .path("reviews")
                                                .toString())
                                .contains("\"ad_id\":\"" + adId + "\"");
                    });
            assertThat(fixtures.ad(claimAd.advertiser(), adId).path("secondary_status").asString())
                    .isEqualTo("AD_STATUS_AUDIT");
        }
    }
}
