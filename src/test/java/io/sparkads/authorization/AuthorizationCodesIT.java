package io.sparkads.authorization;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.sparkads.common.PageRequest;
import io.sparkads.support.ApiFixtures.Advertiser;
import io.sparkads.support.ApiFixtures.CreatorPost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Authorization codes: a code's life from issue to use, several ad accounts on one code, what each
 * use earned, and the limit on wrong codes.
 */
class AuthorizationCodesIT extends AuthorizationITBase {
    @Autowired SparkAuthorizations authorizations;
    @Autowired AuthorizationAudit audit;

    @Test
    void theTrailNamesThePersonWhoActedAndNoOneForAToken() {
        Advertiser advertiser = given.givenAdvertiser();
        long advertiserId = Long.parseLong(advertiser.id());
        CreatorPost byToken = given.givenPublicPost();
        given.givenBound(advertiser, byToken);
        CreatorPost byPerson = given.givenPublicPost();
        authorizations.apply(
                advertiserId,
                given.givenCode(byPerson),
                Actor.advertiser(advertiserId, 42L, "dana.lee", "203.0.113.7"));

        List<AuditEntry> applied =
                audit.ofAdvertiser(advertiserId, new PageRequest(1, 50)).stream()
                        .filter(e -> e.action() == AuditAction.CODE_APPLIED)
                        .toList();
        assertThat(applied)
                .extracting(
                        e -> String.valueOf(e.itemId()),
                        AuditEntry::actorId,
                        AuditEntry::actorUserId,
                        AuditEntry::actorUserName)
                .as("newest first: the person's apply, then the token's, which knows no person")
                .containsExactly(
                        tuple(byPerson.itemId(), advertiser.id(), 42L, "dana.lee"),
                        tuple(byToken.itemId(), advertiser.id(), null, null));
        assertThat(applied.get(0).clientAddress()).isEqualTo("203.0.113.7");
        assertThatThrownBy(() -> Actor.advertiser(advertiserId, 42L, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both an id and a name");
    }

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
        given.givenEvents(impression, now, "IMPRESSION", "VIDEO_PLAY");

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
}
