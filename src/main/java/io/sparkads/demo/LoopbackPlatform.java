package io.sparkads.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sparkads.delivery.AdServing.ViewerAttributes;
import io.sparkads.tracking.EventType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform API as a host app's backend calls it, over HTTP on the server's own port: ad
 * requests and event batches, with a platform token.
 */
final class LoopbackPlatform {
    private static final JsonMapper JSON =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    LoopbackPlatform(int port, String token) {
        this.base = "http://127.0.0.1:" + port + "/platform/v1";
        this.token = token;
    }

    record AdRequestBody(String requestId, String placement, int slots, ViewerAttributes viewer) {}

    /** An event as the platform takes it: about an impression, or else about a post. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventBody(
            String eventId,
            EventType type,
            String occurredAt,
            String viewerId,
            String impressionId,
            String itemId) {
        static EventBody of(ViewerBehaviour.PlannedEvent event) {
            return new EventBody(
                    event.eventId(),
                    event.type(),
                    event.occurredAt().toString(),
                    event.viewerId(),
                    event.impressionId(),
                    event.impressionId() != null ? null : String.valueOf(event.itemId()));
        }
    }

    record EventBatch(List<EventBody> events) {}

    /** An ad the platform served: what the host app shows and reports events for. */
    record Served(String impressionId, boolean spark, Long itemId) {}

    List<Served> requestAds(String requestId, int slots, ViewerAttributes viewer)
            throws IOException, InterruptedException {
        AdRequestBody body = new AdRequestBody(requestId, "IN_FEED", slots, viewer);
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
        List<EventBody> list = events.stream().map(EventBody::of).toList();
        return post("/events", new EventBatch(list)).path("accepted").asInt();
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
