package io.sparkads.common.web;

import static io.sparkads.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.edge.LeanListener;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.RawHttp;
import io.sparkads.support.TrendsCaughtUp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Bytes that PostgreSQL, Tomcat or Jackson cannot take (NUL characters, huge numbers, broken
 * percent-encoding, broken multipart bodies) get a 400 or TikTok's 40002 that names what to fix,
 * never a 500 or a 5xxxx code; and messages quote at most ~100 characters of what was sent and no
 * class names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class MalformedInputIT {
    private static final Map<String, String> PLATFORM =
            Map.of("Authorization", "Bearer " + ApiClient.PLATFORM_TOKEN);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired LeanListener listener;
    ApiClient api;
    RawHttp raw;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        raw = new RawHttp(port);
        given = new ApiFixtures(api);
    }

    // ---- NUL characters

    @Test
    void aNulInAJsonTextFieldIsABadRequestNamingTheField() {
        var response =
                api.platform(
                        "POST",
                        "/accounts",
                        Map.of(
                                "handle",
                                "nul" + ApiFixtures.unique().substring(0, 8),
                                "display_name",
                                "Ma\u0000ria",
                                "account_type",
                                "CREATOR",
                                "region",
                                "US"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asString())
                .contains("display_name")
                .contains("NUL");
    }

    @Test
    void aNulInAListOfTextIsNamedWithItsPlace() {
        var account = given.givenPublicPost();

        var response =
                api.platform(
                        "POST",
                        "/posts",
                        Map.of(
                                "account_id",
                                account.accountId(),
                                "caption",
                                "fine",
                                "hashtags",
                                List.of("ok", "b\u0000d"),
                                "duration_ms",
                                15000,
                                "visibility",
                                "PUBLIC"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("detail").asString()).contains("hashtags[1]");
    }

    @Test
    void aNulInABusinessApiBodyIsA40002NamingTheField() {
        var advertiser = given.givenAdvertiser();

        var response =
                api.businessPost(
                        advertiser.token(),
                        "/campaign/create/",
                        Map.of(
                                "advertiser_id",
                                advertiser.id(),
                                "campaign_name",
                                "Sale\u0000",
                                "objective_type",
                                "REACH",
                                "budget_mode",
                                "BUDGET_MODE_INFINITE"));

        assertThat(response.code()).isEqualTo(40002);
        assertThat(response.message()).contains("campaign_name").contains("NUL");
    }

    @Test
    void aNulInAQueryParameterIsRefusedInEachApisShape() {
        var advertiser = given.givenAdvertiser();

        var platform = raw.send("GET", "/platform/v1/posts/1?note=a%00b", PLATFORM, null);
        var business =
                raw.send(
                        "GET",
                        "/open_api/v1.3/tt_video/list/?advertiser_id="
                                + advertiser.id()
                                + "&keyword=a%00b",
                        Map.of("Access-Token", advertiser.token()),
                        null);

        assertThat(platform.status()).isEqualTo(400);
        assertThat(json(platform).path("detail").asString()).contains("note").contains("NUL");
        assertThat(business.status()).isEqualTo(200);
        assertThat(json(business).path("code").asInt()).isEqualTo(40002);
        assertThat(json(business).path("message").asString()).contains("keyword");
    }

    // ---- percent-encoding

    @Test
    void aBadlyPercentEncodedQueryIsA400OnThePlatformAndAdminApis() {
        var platform = raw.send("GET", "/platform/v1/posts/1?status=%ZZ", PLATFORM, null);
        var admin =
                raw.send(
                        "GET",
                        "/admin/v1/reviews?status=%ZZ",
                        Map.of("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN),
                        null);

        assertThat(platform.status()).isEqualTo(400);
        assertThat(json(platform).path("detail").asString()).contains("percent-encoded");
        assertThat(admin.status()).isEqualTo(400);
        assertThat(admin.header("content-type")).contains("problem+json");
    }

    @Test
    void aBadlyPercentEncodedExtraBusinessParameterIsA40002() {
        var advertiser = given.givenAdvertiser();

        var response =
                raw.send(
                        "GET",
                        "/open_api/v1.3/tt_video/list/?advertiser_id="
                                + advertiser.id()
                                + "&anything_else=%ZZ",
                        Map.of("Access-Token", advertiser.token()),
                        null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).path("code").asInt()).isEqualTo(40002);
        assertThat(json(response).path("message").asString()).contains("percent-encoded");
    }

    // ---- multipart uploads

    @Test
    void anUploadWithoutABoundaryIsA40002InTikToksEnvelope() {
        var advertiser = given.givenAdvertiser();

        var response =
                raw.send(
                        "POST",
                        "/open_api/v1.3/file/video/ad/upload/",
                        Map.of(
                                "Access-Token",
                                advertiser.token(),
                                "Content-Type",
                                "multipart/form-data"),
                        "--x\r\nnot a form".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        JsonNode envelope = json(response);
        assertThat(envelope.path("code").asInt()).isEqualTo(40002);
        assertThat(envelope.path("message").asString()).contains("multipart");
        assertThat(envelope.has("request_id")).isTrue();
    }

    @Test
    void aCutOffUploadIsA40002InTikToksEnvelope() {
        var advertiser = given.givenAdvertiser();
        String cut =
                "--b\r\nContent-Disposition: form-data; name=\"advertiser_id\"\r\n\r\n"
                        + advertiser.id()
                        + "\r\n--b\r\nContent-Disposition: form-data; name=\"video_file\";"
                        + " filename=\"v.mp4\"\r\n\r\nonly the start of a vid";

        var response =
                raw.send(
                        "POST",
                        "/open_api/v1.3/file/video/ad/upload/",
                        Map.of(
                                "Access-Token",
                                advertiser.token(),
                                "Content-Type",
                                "multipart/form-data; boundary=b"),
                        cut.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response).path("code").asInt()).isEqualTo(40002);
    }

    @Test
    void aNulInAnUploadedFileNameIsA40002AndNoVideo() {
        var advertiser = given.givenAdvertiser();

        var response =
                api.businessUpload(
                        advertiser.token(),
                        "/file/video/ad/upload/",
                        Map.of("advertiser_id", advertiser.id()),
                        "video_file",
                        "clip\u0000.mp4",
                        new byte[] {1, 2, 3});

        // Refused either as a file name with NUL or as a form that cannot be read: never stored.
        assertThat(response.code()).as(response.raw()).isEqualTo(40002);
        assertThat(response.message()).doesNotContain("Internal");
    }

    // ---- the error page itself

    @Test
    void theErrorAddressAskedForDirectlyIsNotFoundRatherThanAServerError() {
        var json = raw.send("GET", "/error", Map.of("Accept", "application/json"), null);
        var page = raw.send("GET", "/error", Map.of("Accept", "text/html"), null);

        assertThat(json.status()).isEqualTo(404);
        assertThat(page.status()).isEqualTo(404);
    }

    // ---- events: one bad event never sinks its batch

    @ParameterizedTest(name = "through the lean listener: {0}")
    @ValueSource(booleans = {false, true})
    void aBatchWithANulIdAnOverflowingValueAndAGoodEventKeepsTheGoodOne(boolean lean) {
        ApiClient api = lean ? new ApiClient(port, listener.port()) : this.api;
        var post = given.givenPublicPost();
        String now = Instant.now().toString();
        String good = ApiFixtures.unique();

        var response =
                api.platform(
                        "POST",
                        "/events",
                        Map.of(
                                "events",
                                List.of(
                                        event("bad\u0000id", now, post.itemId(), null),
                                        event(ApiFixtures.unique(), now, post.itemId(), "1e14"),
                                        event(good, now, post.itemId(), "12.5"),
                                        params(
                                                "event_id",
                                                ApiFixtures.unique(),
                                                "type",
                                                "LIKE",
                                                "occurred_at",
                                                now,
                                                "item_id",
                                                post.itemId(),
                                                "viewer_id",
                                                "v\u0000"),
                                        event(
                                                ApiFixtures.unique(),
                                                now,
                                                post.itemId(),
                                                "-123456789012345678901234567890"))));

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().path("accepted").asInt()).isEqualTo(1);
        JsonNode rejected = response.body().path("rejected");
        assertThat(rejected).hasSize(4);
        assertThat(rejected.get(0).path("index").asInt()).isZero();
        assertThat(rejected.get(0).path("reason").asString()).contains("event_id").contains("NUL");
        assertThat(rejected.get(1).path("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(1).path("reason").asString()).contains("value");
        assertThat(rejected.get(2).path("index").asInt()).isEqualTo(3);
        assertThat(rejected.get(2).path("reason").asString()).contains("viewer_id");
        assertThat(rejected.get(3).path("index").asInt()).isEqualTo(4);
        TrendsCaughtUp.await(jdbc); // organic counters: about a second after intake
        assertThat(
                        api.platform("GET", "/posts/" + post.itemId(), null)
                                .body()
                                .path("organic")
                                .path("likes")
                                .asLong())
                .isEqualTo(1);
    }

    // ---- messages that leak or flood

    @Test
    void aMegabyteIdIsNotEchoedBack() {
        var advertiser = given.givenAdvertiser();
        String huge = "9".repeat(1_000_000);

        var platform = api.platform("GET", "/posts/" + "1".repeat(5_000), null);
        var business =
                api.businessPost(
                        advertiser.token(),
                        "/tt_video/unbind/",
                        Map.of("advertiser_id", advertiser.id(), "item_id", huge));
        var events =
                api.platform(
                        "POST",
                        "/events",
                        Map.of(
                                "events",
                                List.of(
                                        params(
                                                "event_id",
                                                "e",
                                                "type",
                                                "X".repeat(1_000_000),
                                                "occurred_at",
                                                "soon"))));

        assertThat(platform.status()).isEqualTo(400);
        assertThat(platform.raw().length()).isLessThan(1_000);
        assertThat(business.code()).isEqualTo(40002);
        assertThat(business.message().length()).isLessThan(500);
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.raw().length()).isLessThan(1_000);
    }

    @Test
    void libraryInternalsNeverReachTheMessage() {
        var account = given.givenPublicPost();
        String longNumber = "1".repeat(2_000);

        var tooLong =
                api.send(
                        "POST",
                        "/platform/v1/posts",
                        "{\"account_id\":\""
                                + account.accountId()
                                + "\",\"duration_ms\":"
                                + longNumber
                                + "}",
                        PLATFORM);
        var tooDeep =
                api.send(
                        "POST",
                        "/platform/v1/posts",
                        "{\"caption\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}",
                        PLATFORM);
        var wrongShape =
                api.send("POST", "/platform/v1/posts", "{\"duration_ms\":{\"a\":1}}", PLATFORM);

        for (var response : List.of(tooLong, tooDeep, wrongShape)) {
            assertThat(response.status()).as(response.raw()).isEqualTo(400);
            String detail = response.body().path("detail").asString();
            assertThat(detail)
                    .doesNotContain("StreamReadConstraints")
                    .doesNotContain("io.sparkads")
                    .doesNotContain("tools.jackson")
                    .doesNotContain("$");
            assertThat(detail.length()).isLessThan(500);
        }
        assertThat(wrongShape.body().path("detail").asString()).contains("duration_ms");
    }

    private static Map<String, Object> event(
            String id, String occurredAt, String itemId, String value) {
        Map<String, Object> event =
                params(
                        "event_id",
                        id,
                        "type",
                        "LIKE",
                        "occurred_at",
                        occurredAt,
                        "item_id",
                        itemId);
        if (value != null) {
            event.put("value", new java.math.BigDecimal(value));
        }
        return event;
    }

    private static JsonNode json(RawHttp.Reply reply) {
        return ApiClient.json().readTree(reply.body());
    }
}
