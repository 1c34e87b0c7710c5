package io.sparkads.campaigns;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.Advertiser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The Spark Ads quota holds under concurrency; a lower limit keeps the test quick. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sparkads.campaigns.spark-ads-per-account=30")
@ActiveProfiles("it")
class SparkAdQuotaIT {
    @LocalServerPort int port;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void manyClientsCreatingAtOnceNeverPassTheLimit() throws Exception {
        Advertiser advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String adgroup = given.givenAdGroup(advertiser, given.givenCampaign(advertiser), Map.of());

        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            calls.add(
                    () ->
                            api.businessPost(
                                            advertiser.token(),
                                            "/ad/create/",
                                            Map.of(
                                                    "advertiser_id",
                                                    advertiser.id(),
                                                    "adgroup_id",
                                                    adgroup,
                                                    "creatives",
                                                    List.of(creative(post), creative(post))))
                                    .code());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> result : clients.invokeAll(calls)) {
            codes.add(result.get());
        }
        clients.shutdown();

        assertThat(codes.stream().filter(c -> c == 0).count()).isEqualTo(15);
        assertThat(codes.stream().filter(c -> c == 40502).count()).isEqualTo(9);
        assertThat(count(advertiser)).isEqualTo(30);
        var quota =
                api.businessGet(
                                advertiser.token(),
                                "/ad/quota/get/",
                                params("advertiser_id", advertiser.id()))
                        .data();
        assertThat(quota.path("spark_ads_remaining").asInt()).isZero();
        assertThat(quota.path("spark_ads_limit").asInt()).isEqualTo(30);
    }

    @Test
    void theRefusalSaysHowManyRemainAndDeletingFreesAPlace() {
        Advertiser advertiser = given.givenAdvertiser();
        var post = given.givenPublicPost();
        given.givenBound(advertiser, post);
        String campaign = given.givenCampaign(advertiser);
        String adgroup = given.givenAdGroup(advertiser, campaign, Map.of());
        List<Map<String, Object>> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(creative(post));
        }
        var created =
                api.businessPost(
                                advertiser.token(),
                                "/ad/create/",
                                Map.of(
                                        "advertiser_id",
                                        advertiser.id(),
                                        "adgroup_id",
                                        adgroup,
                                        "creatives",
                                        twenty))
                        .data();
        api.businessPost(
                        advertiser.token(),
                        "/ad/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "adgroup_id",
                                adgroup,
                                "creatives",
                                twenty.subList(0, 8)))
                .data();

        var refused =
                api.businessPost(
                        advertiser.token(),
                        "/ad/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "adgroup_id",
                                adgroup,
                                "creatives",
                                twenty.subList(0, 3)));
        assertThat(refused.code()).isEqualTo(40502);
        assertThat(refused.message()).contains("2 place(s) left");

        String first = created.path("ad_ids").get(0).asString();
        api.businessPost(
                        advertiser.token(),
                        "/ad/status/update/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "ad_ids",
                                List.of(first),
                                "operation_status",
                                "DELETE"))
                .data();
        api.businessPost(
                        advertiser.token(),
                        "/ad/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "adgroup_id",
                                adgroup,
                                "creatives",
                                twenty.subList(0, 3)))
                .data();
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/ad/quota/get/",
                                        params("advertiser_id", advertiser.id()))
                                .data()
                                .path("spark_ads_remaining")
                                .asInt())
                .isZero();

        // Deleting the campaign deletes its ads and frees every place.
        api.businessPost(
                        advertiser.token(),
                        "/campaign/status/update/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_ids",
                                List.of(campaign),
                                "operation_status",
                                "DELETE"))
                .data();
        assertThat(
                        api.businessGet(
                                        advertiser.token(),
                                        "/ad/quota/get/",
                                        params("advertiser_id", advertiser.id()))
                                .data()
                                .path("spark_ads_remaining")
                                .asInt())
                .isEqualTo(30);
    }

    private static Map<String, Object> creative(ApiFixtures.CreatorPost post) {
        return Map.of(
                "ad_name",
                "q" + ApiFixtures.unique().substring(0, 8),
                "identity_type",
                "AUTH_CODE",
                "identity_id",
                post.accountId(),
                "tiktok_item_id",
                post.itemId());
    }

    private int count(Advertiser advertiser) {
        return api.businessGet(
                        advertiser.token(), "/ad/get/", params("advertiser_id", advertiser.id()))
                .data()
                .path("page_info")
                .path("total_number")
                .asInt();
    }
}
