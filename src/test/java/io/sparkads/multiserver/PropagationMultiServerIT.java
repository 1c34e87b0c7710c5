package io.sparkads.multiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.LiveAd;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two servers on one PostgreSQL: a change taken by server A reaches server B's decision engine
 * within a second (PostgreSQL notifications), long before B's periodic full reload. Each time is
 * measured from A's answer to the first ad request on B that reflects the change.
 */
class PropagationMultiServerIT {
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    private static final int REVOKES = 5;
    private static final int PAUSES = 20;

    @TempDir static Path dir;
    static TwoServers servers;
    static ApiClient a;
    static ApiClient b;
    static ApiFixtures givenOnA;
    static ApiFixtures onB;
    static final List<Long> revokeMillis = Collections.synchronizedList(new ArrayList<>());
    static final List<Long> pauseMillis = Collections.synchronizedList(new ArrayList<>());
    static final List<Long> enableMillis = Collections.synchronizedList(new ArrayList<>());
    static final List<Long> approveMillis = Collections.synchronizedList(new ArrayList<>());

    /** The same-run baseline: one ad request on B, as each poll above makes one. */
    static final List<Long> requestMicros = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        servers =
                TwoServers.start(
                        dir,
                        "propagation",
                        List.of("--management.endpoints.web.exposure.include=health,metrics"));
        a = servers.apiA();
        b = servers.apiB();
        givenOnA = new ApiFixtures(a);
        onB = new ApiFixtures(b);
    }

    @AfterAll
    static void stop() throws Exception {
        System.out.println("propagation A->B, approve: " + summary(approveMillis));
        System.out.println("propagation A->B, revoke: " + summary(revokeMillis));
        System.out.println("propagation A->B, pause: " + summary(pauseMillis));
        System.out.println("propagation A->B, enable: " + summary(enableMillis));
        List<Long> requests = requestMicros.stream().sorted().toList();
        if (!requests.isEmpty()) {
            System.out.println(
                    "baseline, one ad request on B: n="
                            + requests.size()
                            + " median="
                            + requests.get(requests.size() / 2) / 1000.0
                            + " ms");
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aCodeRevokedByTheCreatorOnAStopsDeliveryOnBWithinOneSecond() {
        for (int i = 0; i < REVOKES; i++) {
            // Given a Spark ad made and approved through A, served by B
            LiveAd live = liveAdServedByB();
            String codeId =
                    a.platform("GET", "/posts/" + live.post().itemId() + "/ad_authorization", null)
                            .body()
                            .path("codes")
                            .get(0)
                            .path("code_id")
                            .asString();

            // When the creator revokes the code through A
            var revoked =
                    a.platform(
                            "DELETE",
                            "/posts/" + live.post().itemId() + "/ad_authorization/codes/" + codeId,
                            null);
            assertThat(revoked.status()).as(revoked.raw()).isEqualTo(204);
            long answered = System.nanoTime();

            // Then B stops it within a second, and A had stopped it before answering
            long millis = millisUntil(answered, () -> !served(onB, live.adId()));
            revokeMillis.add(millis);
            assertThat(millis).as("revoke on A to B's stop, ms").isLessThan(WITHIN.toMillis());
            assertThat(served(givenOnA, live.adId())).as("A serves after its own revoke").isFalse();
        }
        assertThat(propagationTimedOnB("revoked")).isGreaterThanOrEqualTo(REVOKES);
    }

    @Test
    void pausingOnAStopsBAndEnablingOnAMakesBServeAgain() {
        LiveAd live = liveAdServedByB();
        for (int i = 0; i < PAUSES; i++) {
            setStatus(live, "DISABLE");
            long paused = System.nanoTime();
            long stop = millisUntil(paused, () -> !served(onB, live.adId()));
            pauseMillis.add(stop);
            assertThat(stop).as("pause on A to B's stop, ms").isLessThan(WITHIN.toMillis());

            setStatus(live, "ENABLE");
            long enabled = System.nanoTime();
            long serve = millisUntil(enabled, () -> served(onB, live.adId()));
            enableMillis.add(serve);
            assertThat(serve).as("enable on A to B serving, ms").isLessThan(WITHIN.toMillis());
        }

        // B timed what it heard from A: commit on A to notification on B
        assertThat(propagationTimedOnB("changed")).isGreaterThanOrEqualTo(2.0 * PAUSES);
    }

    /** Reads B's {@code sparkads.revocation.propagation} timer of the kind; answers its count. */
    private static double propagationTimedOnB(String kind) {
        var metric =
                b.send(
                        "GET",
                        "/actuator/metrics/sparkads.revocation.propagation?tag=kind:" + kind,
                        null,
                        // the metrics are the operator's: behind the admin token
                        Map.of("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN));
        assertThat(metric.status()).as(metric.raw()).isEqualTo(200);
        double count = statistic(metric.body(), "COUNT");
        System.out.println(
                "sparkads.revocation.propagation on B, kind="
                        + kind
                        + ": count="
                        + (long) count
                        + " mean="
                        + Math.round(statistic(metric.body(), "TOTAL_TIME") / count * 1000)
                        + " ms max(recent)="
                        + Math.round(statistic(metric.body(), "MAX") * 1000)
                        + " ms");
        return count;
    }

    private static double statistic(JsonNode metric, String name) {
        for (JsonNode m : metric.path("measurements")) {
            if (m.path("statistic").asString().equals(name)) {
                return m.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + name + " in " + metric);
    }

    /** A live ad made through A; B serves it within a second of A's approval. */
    private static LiveAd liveAdServedByB() {
        var advertiser = givenOnA.givenAdvertiser();
        var post = givenOnA.givenPublicPost();
        givenOnA.givenBound(advertiser, post);
        String campaign = givenOnA.givenCampaign(advertiser);
        String adgroup = givenOnA.givenAdGroup(advertiser, campaign, Map.of());
        String adId = givenOnA.givenSparkAd(advertiser, adgroup, post);
        assertThat(served(onB, adId)).isFalse();
        givenOnA.approve(adId);
        long approved = System.nanoTime();
        long millis = millisUntil(approved, () -> served(onB, adId));
        approveMillis.add(millis);
        assertThat(millis).as("approval on A to B serving, ms").isLessThan(WITHIN.toMillis());
        return new LiveAd(advertiser, post, campaign, adgroup, adId);
    }

    private static void setStatus(LiveAd live, String operationStatus) {
        var answer =
                a.businessPost(
                        live.advertiser().token(),
                        "/ad/status/update/",
                        Map.of(
                                "advertiser_id",
                                live.advertiser().id(),
                                "ad_ids",
                                List.of(live.adId()),
                                "operation_status",
                                operationStatus));
        assertThat(answer.code()).as(answer.raw()).isZero();
    }

    /**
     * Whether one ad request from a new viewer in the ad's own region gets the ad: no other ad
     * targets that region, so a live ad is always served there.
     */
    private static boolean served(ApiFixtures server, String adId) {
        long started = System.nanoTime();
        List<String> served =
                server.servedAdIds("IN_FEED", ApiFixtures.unique(), ApiFixtures.regionOf(adId));
        if (server == onB) {
            requestMicros.add((System.nanoTime() - started) / 1000);
        }
        return served.contains(adId);
    }

    /** Polls until the condition holds; answers the milliseconds since {@code fromNanos}. */
    private static long millisUntil(long fromNanos, BooleanSupplier condition) {
        long deadline = fromNanos + GIVE_UP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + GIVE_UP);
            }
        }
        return (System.nanoTime() - fromNanos) / 1_000_000;
    }

    private static String summary(List<Long> millis) {
        if (millis.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = millis.stream().sorted().toList();
        return "n="
                + sorted.size()
                + " median="
                + sorted.get(sorted.size() / 2)
                + " ms max="
                + sorted.get(sorted.size() - 1)
                + " ms min="
                + sorted.get(0)
                + " ms";
    }
}
