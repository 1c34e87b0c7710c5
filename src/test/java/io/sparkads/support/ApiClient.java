package io.sparkads.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the started server over real HTTP, the way the host app and TikTok's SDK do. */
public final class ApiClient {
    public static final String ADMIN_TOKEN = "it-admin-token";
    public static final String PLATFORM_TOKEN = "it-platform-token";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String leanBase;

    public ApiClient(int port) {
        this(port, -1);
    }

    /**
     * A client that sends ad requests and events to the lean listener's port ({@code
     * io.sparkads.edge}) and everything else to the servlet stack's; with {@code leanPort} -1, all
     * to the latter.
     */
    public ApiClient(int port, int leanPort) {
        this.base = "http://localhost:" + port;
        this.leanBase = leanPort < 0 ? base : "http://localhost:" + leanPort;
    }

    public record Response(int status, JsonNode body, String raw) {
        /** The Business API's {@code data}, after checking the envelope says OK. */
        public JsonNode data() {
            assertThat(body.path("code").asInt(-1)).as("envelope code of %s", raw).isZero();
            return body.path("data");
        }

        public int code() {
            return body.path("code").asInt(-1);
        }

        public String message() {
            return body.path("message").asString();
        }
    }

    public Response admin(String method, String path, Object body) {
        return send(
                method, "/admin/v1" + path, body, Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
    }

    public Response platform(String method, String path, Object body) {
        return send(
                method,
                "/platform/v1" + path,
                body,
                Map.of("Authorization", "Bearer " + PLATFORM_TOKEN));
    }

    public Response businessPost(String token, String path, Object body) {
        return send("POST", "/open_api/v1.3" + path, body, Map.of("Access-Token", token));
    }

    public Response businessGet(String token, String path, Map<String, Object> query) {
        return send(
                "GET",
                "/open_api/v1.3" + path + "?" + encode(query),
                null,
                Map.of("Access-Token", token));
    }

    /**
     * A multipart upload to the Business API, as TikTok's SDK sends {@code file/video/ad/upload}.
     */
    public Response businessUpload(
            String token,
            String path,
            Map<String, String> fields,
            String fileField,
            String fileName,
            byte[] content) {
        String boundary = "----sparkads" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        try {
            for (var field : fields.entrySet()) {
                body.write(
                        ("--"
                                        + boundary
                                        + "\r\nContent-Disposition: form-data; name=\""
                                        + field.getKey()
                                        + "\"\r\n\r\n"
                                        + field.getValue()
                                        + "\r\n")
                                .getBytes(StandardCharsets.UTF_8));
            }
            body.write(
                    ("--"
                                    + boundary
                                    + "\r\nContent-Disposition: form-data; name=\""
                                    + fileField
                                    + "\"; filename=\""
                                    + fileName
                                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(base + "/open_api/v1.3" + path))
                            .header("Access-Token", token)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build();
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(), JSON.readTree(response.body()), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a GET of a media path answered, e.g. an uploaded video or its poster. */
    public record Fetched(int status, String contentType, byte[] body) {}

    /** A GET with the given headers (e.g. {@code Access-Token}, {@code Cookie}), as bytes. */
    public Fetched fetch(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Fetched(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The raw bytes at a path, e.g. a served video. */
    public byte[] bytes(String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(base + path)).build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A raw request, for malformed bodies and missing headers. */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        String payload =
                body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseFor(path) + path))
                        .method(
                                method,
                                payload == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            boolean isJson =
                    response.headers()
                            .firstValue("Content-Type")
                            .map(t -> t.contains("json"))
                            .orElse(false);
            JsonNode json =
                    !isJson || raw == null || raw.isBlank()
                            ? JSON.createObjectNode()
                            : JSON.readTree(raw);
            return new Response(response.statusCode(), json, raw);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String baseFor(String path) {
        return path.startsWith("/platform/v1/ad_requests") || path.startsWith("/platform/v1/events")
                ? leanBase
                : base;
    }

    public static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** GET parameters as TikTok's SDK sends them: arrays and objects JSON-encoded. */
    private static String encode(Map<String, Object> query) {
        return query.entrySet().stream()
                .map(
                        e -> {
                            Object v = e.getValue();
                            String text = v instanceof String s ? s : JSON.writeValueAsString(v);
                            return e.getKey()
                                    + "="
                                    + URLEncoder.encode(text, StandardCharsets.UTF_8);
                        })
                .collect(Collectors.joining("&"));
    }

    public static JsonMapper json() {
        return JSON;
    }
}
