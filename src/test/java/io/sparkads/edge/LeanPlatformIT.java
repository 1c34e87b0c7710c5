package io.sparkads.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lean listener keeps the platform API's contract: the same answer and, for bad input, the same
 * problem details as the servlet stack, byte for byte in meaning; never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class LeanPlatformIT {
    private static final String BEARER = "Bearer " + ApiClient.PLATFORM_TOKEN;
    private static final String AD_REQUESTS = "/platform/v1/ad_requests";
    private static final String EVENTS = "/platform/v1/events";

    @LocalServerPort int port;
    @Autowired LeanListener listener;
    ApiClient servlet;
    ApiClient lean;

    @BeforeEach
    void connect() {
        servlet = new ApiClient(port);
        lean = new ApiClient(listener.port());
    }

    @Test
    void bothPortsServeAnAdWithTheSameFieldsAndValues() {
        var given = new ApiFixtures(servlet);
        var ad = given.givenLiveAd(Map.of());

        ObjectNode throughServlet = (ObjectNode) given.servedAd(ad.adId(), "viewer-s");
        ObjectNode throughLean =
                (ObjectNode)
                        new ApiFixtures(new ApiClient(port, listener.port()))
                                .servedAd(ad.adId(), "viewer-l");

        assertThat(throughLean.path("impression_id").asString())
                .isNotBlank()
                .isNotEqualTo(throughServlet.path("impression_id").asString());
        throughLean.remove("impression_id");
        throughServlet.remove("impression_id");
        assertThat(throughLean).isEqualTo(throughServlet);
    }

    @Test
    void anAnswerEchoesTheRequestIdBesideTheAds() {
        String body =
                "{\"request_id\":\"r-1\",\"placement\":\"IN_FEED\",\"slots\":2,"
                        + "\"viewer\":{\"viewer_id\":\"v\",\"region\":\"ZZ\"}}";
        var throughLean = lean.send("POST", AD_REQUESTS, body, Map.of("Authorization", BEARER));
        var throughServlet =
                servlet.send("POST", AD_REQUESTS, body, Map.of("Authorization", BEARER));

        assertThat(throughLean.status()).as(throughLean.raw()).isEqualTo(200);
        assertThat(throughLean.body()).isEqualTo(throughServlet.body());
        assertThat(throughLean.raw()).isEqualTo("{\"request_id\":\"r-1\",\"ads\":[]}");
    }

    static Stream<Arguments> badInput() {
        String viewer = ",\"viewer\":{\"viewer_id\":\"v\"}";
        return Stream.of(
                Arguments.of(AD_REQUESTS, "{\"placement\": ", BEARER),
                Arguments.of(AD_REQUESTS, "[]", BEARER),
                Arguments.of(AD_REQUESTS, "", BEARER),
                Arguments.of(AD_REQUESTS, "{\"request_id\":\"r\"} trailing", BEARER),
                Arguments.of(
                        AD_REQUESTS,
                        "{\"request_id\":\"r\",\"placement\":\"IN_FEED\",\"slots\":\"many\""
                                + viewer
                                + "}",
                        BEARER),
                Arguments.of(
                        AD_REQUESTS,
                        "{\"request_id\":\"r\",\"placement\":\"IN_FEED\",\"slots\":1e400"
                                + viewer
                                + "}",
                        BEARER),
                Arguments.of(
                        AD_REQUESTS,
                        "{\"request_id\":\"r\",\"placement\":\"IN_FEED\",\"viewer\":\"v\"}",
                        BEARER),
                Arguments.of(
                        AD_REQUESTS,
                        "{\"request_id\":\"r\",\"placement\":\"IN_FEED\",\"viewer\":{\"viewer_id\":\"v\\u0000\"}}",
                        BEARER),
                Arguments.of(
                        AD_REQUESTS,
                        "{\"request_id\":\"r\",\"placement\":\"IN_FEED\",\"slots\":50"
                                + viewer
                                + "}",
                        BEARER),
                Arguments.of(
                        AD_REQUESTS,
                        "{\"request_id\":\"r\",\"placement\":\"TOPVIEW\",\"slots\":2"
                                + viewer
                                + "}",
                        BEARER),
                Arguments.of(
                        AD_REQUESTS,
                        "{\"request_id\":\"r\",\"placement\":\"BANNER\"" + viewer + "}",
                        BEARER),
                Arguments.of(
                        AD_REQUESTS, "{\"request_id\":\"r\",\"placement\":\"IN_FEED\"}", BEARER),
                Arguments.of(AD_REQUESTS, "{\"placement\":\"IN_FEED\"" + viewer + "}", BEARER),
                Arguments.of(
                        AD_REQUESTS,
                        "{\"request_id\":\"r\",\"placement\":\"IN_FEED\",\"exclude_item_ids\":[\"abc\"]"
                                + viewer
                                + "}",
                        BEARER),
                Arguments.of(
                        AD_REQUESTS,
                        "{\"request_id\":\"r\",\"placement\":\"IN_FEED\",\"exclude_item_ids\":[1,{}]"
                                + viewer
                                + "}",
                        BEARER),
                Arguments.of(AD_REQUESTS, "{}", null),
                Arguments.of(AD_REQUESTS, "{}", "Basic abc"),
                Arguments.of(AD_REQUESTS, "{}", "Bearer not-a-token"),
                Arguments.of(EVENTS, "{\"events\": [", BEARER),
                Arguments.of(EVENTS, "{\"events\": []}", BEARER),
                Arguments.of(EVENTS, "{\"events\": \"many\"}", BEARER),
                Arguments.of(EVENTS, "{\"events\": [{\"value\": \"lots\"}]}", BEARER),
                Arguments.of(EVENTS, "", BEARER),
                Arguments.of(EVENTS, "{}", null));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputGetsTheSameProblemDetailOnBothPorts(String path, String body, String auth) {
        Map<String, String> headers = auth == null ? Map.of() : Map.of("Authorization", auth);

        var throughLean = lean.send("POST", path, body, headers);
        var throughServlet = servlet.send("POST", path, body, headers);

        assertThat(throughServlet.status()).as(throughServlet.raw()).isBetween(400, 499);
        assertThat(throughLean.status()).as(throughLean.raw()).isEqualTo(throughServlet.status());
        assertThat(throughLean.body()).isEqualTo(throughServlet.body());
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedAsOnTheServletStack() {
        Map<String, String> headers =
                Map.of("Authorization", BEARER, "Content-Type", "text/plain;charset=UTF-8");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        var throughLean = new RawHttp(listener.port()).send("POST", AD_REQUESTS, headers, body);
        var throughServlet = new RawHttp(port).send("POST", AD_REQUESTS, headers, body);

        assertThat(throughLean.status()).isEqualTo(415);
        assertThat(ApiClient.json().readTree(throughLean.body()))
                .isEqualTo(ApiClient.json().readTree(throughServlet.body()));
    }

    @Test
    void aWrongMethodIsTheSameProblemDetailOnBothPorts() {
        var throughLean = lean.send("GET", AD_REQUESTS, null, Map.of("Authorization", BEARER));
        var throughServlet =
                servlet.send("GET", AD_REQUESTS, null, Map.of("Authorization", BEARER));

        assertThat(throughLean.status()).isEqualTo(405);
        assertThat(throughServlet.status()).as(throughServlet.raw()).isEqualTo(405);
        assertThat(throughLean.body().path("detail").asString())
                .isEqualTo("Method 'GET' is not supported.");
        assertThat(throughLean.body().path("instance").asString()).isEqualTo(AD_REQUESTS);
        assertThat(throughServlet.body()).isEqualTo(throughLean.body());
    }

    @Test
    void anUnknownPathIsAProblemThatNamesWhatThisPortServes() {
        var answer = lean.send("POST", "/platform/v1/accounts", "{}", Map.of());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("detail").asString()).contains(AD_REQUESTS).contains(EVENTS);
        assertThat(answer.body().path("instance").asString()).isEqualTo("/platform/v1/accounts");
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() {
        var reply =
                new RawHttp(listener.port())
                        .send(
                                "POST",
                                EVENTS,
                                Map.of(
                                        "Authorization",
                                        BEARER,
                                        "Content-Type",
                                        "application/json",
                                        "Content-Length",
                                        String.valueOf(LeanListener.MAX_BODY_BYTES + 1)),
                                "{".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.body()).contains("larger than " + LeanListener.MAX_BODY_BYTES + " bytes");
    }

    @Test
    void anEventBatchOnTheLeanPortCountsEachEventOnce() {
        var post = new ApiFixtures(servlet).givenPublicPost();
        var batch =
                Map.of(
                        "events",
                        List.of(
                                Map.of(
                                        "event_id",
                                        ApiFixtures.unique(),
                                        "type",
                                        "LIKE",
                                        "occurred_at",
                                        Instant.now().toString(),
                                        "item_id",
                                        post.itemId())));
        var leanPlatform = new ApiClient(port, listener.port());

        var first = leanPlatform.platform("POST", "/events", batch);
        var again = leanPlatform.platform("POST", "/events", batch);

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.raw()).isEqualTo("{\"accepted\":1,\"duplicates\":0,\"rejected\":[]}");
        assertThat(again.raw()).isEqualTo("{\"accepted\":0,\"duplicates\":1,\"rejected\":[]}");
    }
}
