package io.sparkads.feed;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The host app's backend half of a conversion from a landing page: the landing page's pixel ({@code
 * /js/sparkads-pixel.js}) tells the host app "this impression converted", and the host app, which
 * holds the platform token, reports it as a {@code CONVERSION} event with {@code POST
 * /platform/v1/events}, over HTTP like any integrator. The landing page never sees the token.
 */
@Component
public class ConversionRelay {
    /** What the landing page's pixel sends: which impression converted, and for how much. */
    public record Conversion(String impressionId, String eventId, String value) {}

    /** The platform's answer in the landing page's words: counted, or why not. */
    public record Outcome(boolean counted, boolean duplicate, String message) {}

    /** A refused conversion, with what to send instead; nothing was reported. */
    public static final class BadConversion extends RuntimeException {
        BadConversion(String message) {
            super(message);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");
    private static final Pattern VALUE = Pattern.compile("\\d{1,12}(\\.\\d{1,6})?");
    private static final int MAX_IMPRESSION_ID = 1_000;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ReferenceFeedToken token;
    private final Clock clock;

    ConversionRelay(ReferenceFeedToken token, Clock clock) {
        this.token = token;
        this.clock = clock;
    }

    /**
     * Reads the pixel's body, {@code {"impression_id": "…", "event_id": "…", "value": 19.90}}
     * ({@code event_id} and {@code value} optional); refuses anything else with what to send.
     */
    public static Conversion read(String body) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new BadConversion(
                    "Send a JSON object: {\"impression_id\": \"…\", \"event_id\": \"…\", \"value\": 19.90}");
        }
        JsonNode impression = json.path("impression_id");
        if (!impression.isString() || impression.asString().isBlank()) {
            throw new BadConversion(
                    "impression_id is required: the sa_imp parameter the landing page was opened with");
        }
        if (impression.asString().length() > MAX_IMPRESSION_ID) {
            throw new BadConversion(
                    "impression_id is at most " + MAX_IMPRESSION_ID + " characters");
        }
        JsonNode eventId = json.path("event_id");
        if (!eventId.isMissingNode()
                && !eventId.isNull()
                && !(eventId.isString() && EVENT_ID.matcher(eventId.asString()).matches())) {
            throw new BadConversion(
                    "event_id must be 1–100 letters, digits or . _ : - (one id per conversion, so a retry counts once)");
        }
        JsonNode value = json.path("value");
        if (!value.isMissingNode()
                && !value.isNull()
                && !(value.isNumber() && VALUE.matcher(value.asString()).matches())) {
            throw new BadConversion(
                    "value must be a number of at least 0 with at most 6 decimals, such as 19.90");
        }
        return new Conversion(
                impression.asString(),
                eventId.isString() ? eventId.asString() : null,
                value.isNumber() ? value.asString() : null);
    }

    /**
     * Reports the conversion to the platform API at {@code platformBase} ({@code
     * http://host:port/platform/v1}). Without an event id the conversion counts once per
     * impression.
     */
    public Outcome report(Conversion conversion, String platformBase) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put(
                "event_id",
                conversion.eventId() != null
                        ? "conversion-" + conversion.eventId()
                        : "conversion-of-" + digest(conversion.impressionId()));
        event.put("type", "CONVERSION");
        event.put("occurred_at", clock.instant().toString());
        event.put("impression_id", conversion.impressionId());
        if (conversion.value() != null) {
            event.put("value", new BigDecimal(conversion.value()));
        }
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(platformBase + "/events"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + token.value())
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        JSON.writeValueAsString(Map.of("events", List.of(event)))))
                        .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the platform API did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reporting the conversion", e);
        }
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "the platform API answered "
                            + response.statusCode()
                            + ": "
                            + answer.path("detail").asString(""));
        }
        JsonNode rejected = answer.path("rejected");
        if (rejected.isArray() && !rejected.isEmpty()) {
            throw new BadConversion(rejected.get(0).path("reason").asString());
        }
        boolean duplicate = answer.path("duplicates").asInt() > 0;
        return new Outcome(
                true,
                duplicate,
                duplicate ? "This conversion was already counted." : "Conversion counted.");
    }

    /** The first 128 bits of the impression id's SHA-256, in hex: one conversion per impression. */
    private static String digest(String impressionId) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256")
                            .digest(impressionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
