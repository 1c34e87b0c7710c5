package io.sparkads.demo;

import io.sparkads.delivery.AdServing.ViewerAttributes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform API as a host app's backend calls it, over HTTP on the server's own port: ad
 * requests and event batches, with a platform token.
 */
final class LoopbackPlatform {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    LoopbackPlatform(int port, String token) {
        this.base = "http://127.0.0.1:" + port + "/platform/v1";
        this.token = token;
    }

    /** An ad the platform served: what the host app shows and reports events for. */
    record Served(String impressionId, boolean spark, Long itemId) {}

    List<Served> requestAds(String requestId, int slots, ViewerAttributes viewer)
            throws IOException, InterruptedException {
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("viewer_id", viewer.viewerId());
        who.put("region", viewer.region());
        who.put("age_group", viewer.ageGroup());
        who.put("gender", viewer.gender());
        who.put("language", viewer.language());
        who.put("os", viewer.os());
        who.put("interests", viewer.interests());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", requestId);
        body.put("placement", "IN_FEED");
        body.put("slots", slots);
        body.put("viewer", who);
        JsonNode answer = post("/ad_requests", body);
        List<Served> served = new ArrayList<>();
        for (JsonNode ad : answer.path("ads")) {
            String itemId = ad.path("item_id").asString(null);
            served.add(
                    new Served(
                            ad.path("impression_id").asString(),
                            ad.path("spark").asBoolean(),
                            itemId == null ? null : Long.valueOf(itemId)));
        }
        return served;
    }

    /** Sends the events; returns how many the platform accepted. */
    int sendEvents(List<ViewerBehaviour.PlannedEvent> events)
            throws IOException, InterruptedException {
        List<Map<String, Object>> list = new ArrayList<>(events.size());
        for (ViewerBehaviour.PlannedEvent event : events) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event_id", event.eventId());
            e.put("type", event.type());
            e.put("occurred_at", event.occurredAt().toString());
            e.put("viewer_id", event.viewerId());
            if (event.impressionId() != null) {
                e.put("impression_id", event.impressionId());
            } else {
                e.put("item_id", String.valueOf(event.itemId()));
            }
            list.add(e);
        }
        return post("/events", Map.of("events", list)).path("accepted").asInt();
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
