package io.sparkads.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.CreatorPost;
import io.sparkads.support.ApiFixtures.LiveAd;
import io.sparkads.support.Eventually;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The Kafka path of event intake against an embedded KRaft broker: intake answers once the broker
 * holds a batch, consumers count each event exactly once in PostgreSQL, whatever is sent twice,
 * re-delivered or left waiting while the consumers are stopped; a broker that is away is a 503.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sparkads.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "sparkads.kafka.partitions=3",
            "sparkads.kafka.ack-timeout=4s"
        })
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 3, topics = "sparkads.events")
// closed after the class: its producer and consumers would otherwise keep calling the stopped
// broker
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaEventsIT {
    private static final Duration COUNTED_WITHIN = Duration.ofSeconds(30);

    @LocalServerPort int port;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired ConcurrentMessageListenerContainer<String, String> consumers;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;
    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    @Order(1)
    void anAcceptedBatchLandsInTheRollupsOnce() {
        LiveAd ad = given.givenLiveAd(Map.of());
        String impression = given.servedImpression(ad.adId(), "viewer-" + UUID.randomUUID());
        CreatorPost post = given.givenPublicPost();
        String now = Instant.now().toString();
        List<Map<String, Object>> events = new ArrayList<>();
        events.add(paid(impression, "IMPRESSION", now));
        events.add(paid(impression, "CLICK", now));
        for (int i = 0; i < 5; i++) {
            events.add(organicPlay(post.itemId(), now));
        }
        events.add(Map.of("event_id", "bad-" + UUID.randomUUID(), "type", "NAP"));

        var answer = api.platform("POST", "/events", Map.of("events", events));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.body().path("accepted").asInt()).isEqualTo(7);
        assertThat(answer.body().path("rejected").get(0).path("reason").asString())
                .as("intake checks the batch as on the direct path")
                .contains("is not an event type");
        Eventually.await(
                COUNTED_WITHIN,
                () -> {
                    JsonNode metrics =
                            given.lifetimeMetrics(
                                    ad.advertiser(), ad.adId(), List.of("impressions", "clicks"));
                    assertThat(metrics.path("impressions").asString()).isEqualTo("1");
                    assertThat(metrics.path("clicks").asString()).isEqualTo("1");
                    assertThat(organicViews(post)).isEqualTo(5);
                });
    }

    @Test
    @Order(2)
    void theSameBatchSentTwiceCountsOnce() {
        CreatorPost post = given.givenPublicPost();
        List<Map<String, Object>> batch = organicPlays(post, 50);

        // a client that retries at once: both copies are on the topic before either is counted
        var first = api.platform("POST", "/events", Map.of("events", batch));
        var retry = api.platform("POST", "/events", Map.of("events", batch));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(retry.status()).as(retry.raw()).isEqualTo(200);
        Eventually.await(COUNTED_WITHIN, () -> assertThat(organicViews(post)).isEqualTo(50));

        // a retry after the batch was counted is answered as duplicates and not queued again
        var late = api.platform("POST", "/events", Map.of("events", batch));
        assertThat(late.body().path("accepted").asInt()).as(late.raw()).isZero();
        assertThat(late.body().path("duplicates").asInt()).isEqualTo(50);
        awaitNothingWaiting();
        assertThat(organicViews(post)).isEqualTo(50);
    }

    @Test
    @Order(3)
    void consumersStoppedAndRestartedMidStreamCountEveryEventExactlyOnce() throws Exception {
        CreatorPost post = given.givenPublicPost();
        for (int i = 0; i < 3; i++) {
            assertThat(send(organicPlays(post, 100))).isEqualTo(200);
        }
        consumers.stop();
        for (int i = 0; i < 3; i++) {
            assertThat(send(organicPlays(post, 100))).isEqualTo(200);
        }
        // while stopped, the waiting events show as the consumer lag
        Eventually.await(
                Duration.ofSeconds(10),
                () ->
                        assertThat(meters.get("sparkads.kafka.consumer.lag").gauge().value())
                                .isGreaterThanOrEqualTo(100));
        // and on the admins' operator page, in words
        String page = operatorPage();
        assertThat(page).contains("Events waiting to be counted");
        Matcher waiting = Pattern.compile("id=\"waiting-total\">([0-9,]+)<").matcher(page);
        assertThat(waiting.find()).as(page).isTrue();
        assertThat(Long.parseLong(waiting.group(1).replace(",", ""))).isGreaterThanOrEqualTo(100);
        consumers.start();
        assertThat(send(organicPlays(post, 100))).isEqualTo(200);
        Eventually.await(COUNTED_WITHIN, () -> assertThat(organicViews(post)).isEqualTo(700));

        // a crash between the database commit and the offset commit: every offset goes back to
        // the start, so everything already counted is delivered again
        consumers.stop();
        rewindConsumerGroup();
        consumers.start();
        assertThat(send(organicPlays(post, 100))).isEqualTo(200);
        Eventually.await(COUNTED_WITHIN, () -> assertThat(organicViews(post)).isEqualTo(800));
        awaitNothingWaiting();
        assertThat(organicViews(post)).as("re-delivered events are dropped").isEqualTo(800);
        assertThat(
                        jdbc.sql("select count(*) from event_log where item_id = ?")
                                .param(Long.parseLong(post.itemId()))
                                .query(Long.class)
                                .single())
                .isEqualTo(800);
    }

    @Test
    @Order(4)
    void aBrokerThatIsAwayIsA503ThatSaysToRetry() {
        CreatorPost post = given.givenPublicPost();
        broker.destroy();

        var answer = api.platform("POST", "/events", Map.of("events", organicPlays(post, 10)));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(503);
        assertThat(answer.body().path("detail").asString())
                .contains("the event broker did not confirm them")
                .contains("send the same batch again later");
        assertThat(organicViews(post)).isZero();
    }

    /** {@code /operations/events} as the demo's admin sees it, signed in through the form. */
    private String operatorPage() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        String base = "http://localhost:" + port;
        String login =
                browser.send(
                                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as(login).isTrue();
        String form =
                "username=admin&password=demo-password-1&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        browser.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> page =
                browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/operations/events")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private int send(List<Map<String, Object>> batch) {
        var answer = api.platform("POST", "/events", Map.of("events", batch));
        assertThat(answer.body().path("accepted").asInt()).as(answer.raw()).isEqualTo(batch.size());
        return answer.status();
    }

    private void awaitNothingWaiting() {
        Eventually.await(
                COUNTED_WITHIN,
                () ->
                        assertThat(meters.get("sparkads.kafka.consumer.lag").gauge().value())
                                .isZero());
    }

    private void rewindConsumerGroup() throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                start.put(new TopicPartition("sparkads.events", p), new OffsetAndMetadata(0));
            }
            // the group's members leave asynchronously after stop(); retry until it is empty
            Eventually.await(
                    Duration.ofSeconds(30),
                    () -> {
                        try {
                            admin.alterConsumerGroupOffsets("sparkads-events", start)
                                    .all()
                                    .get(5, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new AssertionError("group not rewound yet: " + e, e);
                        }
                    });
        }
    }

    private long organicViews(CreatorPost post) {
        return jdbc.sql("select organic_views from posts where id = ?")
                .param(Long.parseLong(post.itemId()))
                .query(Long.class)
                .single();
    }

    private static List<Map<String, Object>> organicPlays(CreatorPost post, int n) {
        String now = Instant.now().toString();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(organicPlay(post.itemId(), now));
        }
        return events;
    }

    private static Map<String, Object> organicPlay(String itemId, String occurredAt) {
        return Map.of(
                "event_id",
                "k-" + UUID.randomUUID(),
                "type",
                "VIDEO_PLAY",
                "occurred_at",
                occurredAt,
                "viewer_id",
                "v-" + UUID.randomUUID(),
                "item_id",
                itemId);
    }

    private static Map<String, Object> paid(String impression, String type, String occurredAt) {
        return Map.of(
                "event_id",
                "k-" + UUID.randomUUID(),
                "type",
                type,
                "occurred_at",
                occurredAt,
                "impression_id",
                impression);
    }
}
