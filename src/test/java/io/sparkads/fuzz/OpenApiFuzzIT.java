package io.sparkads.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the OpenAPI documents of the running server and sends every operation malformed values in
 * every field and parameter: NUL characters, huge strings, wrong types, negative and huge numbers,
 * bad percent-encoding, arrays for scalars and deep nesting. Whatever arrives, the answer is never
 * a 5xx and never a Business API {@code 5xxxx} code. The values are fixed and the extra parameter
 * names are drawn with a fixed seed, so every run sends the same requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OpenApiFuzzIT {
    private static final String FUZZ = "__fuzz__";

    /** Malformed JSON values, as raw JSON text, put in place of one field at a time. */
    private static final List<String> BODY_VALUES =
            List.of(
                    "\"a\\u0000b\"",
                    "\"" + "x".repeat(100_000) + "\"",
                    "\"not a number\"",
                    "-1",
                    "0",
                    "1e14",
                    "-1e308",
                    "123456789012345678901234567890",
                    "1.5",
                    "true",
                    "{}",
                    "[\"a\",\"b\"]",
                    "[".repeat(1200) + "]".repeat(1200),
                    "null");

    /** Malformed query and path values, already percent-encoded (or deliberately not). */
    private static final List<String> URL_VALUES =
            List.of(
                    "%00",
                    "a%00b",
                    "%ZZ",
                    "%",
                    "x".repeat(20_000),
                    "-1",
                    "123456789012345678901234567890",
                    "%5B%22a%22%5D",
                    "%7B%22a%22%3A",
                    "%5B".repeat(1200));

    /** Parameters the Business API reads from its query map, which the documents cannot list. */
    private static final List<String> BUSINESS_PARAMETERS =
            List.of(
                    "advertiser_id",
                    "page",
                    "page_size",
                    "keyword",
                    "auth_status",
                    "auth_code",
                    "identity_type",
                    "identity_id",
                    "item_ids",
                    "cursor",
                    "count",
                    "filtering",
                    "fields",
                    "report_type",
                    "data_level",
                    "dimensions",
                    "metrics",
                    "start_date",
                    "end_date",
                    "query_lifetime",
                    "order_field",
                    "order_type",
                    "discovery_type",
                    "date_range",
                    "sort_type",
                    "campaign_ids",
                    "adgroup_ids",
                    "ad_ids",
                    "status");

    @LocalServerPort int port;

    private RawHttp raw;
    private ApiFixtures.Advertiser advertiser;
    private ApiFixtures.CreatorPost post;
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    void noMalformedValueInAnyDocumentedOperationGetsA5xxOrA5xxxxCode() {
        // given an ad account, a creator with a post, and the three API documents
        ApiClient api = new ApiClient(port);
        ApiFixtures given = new ApiFixtures(api);
        advertiser = given.givenAdvertiser();
        post = given.givenPublicPost();
        raw = new RawHttp(port);
        Random seeded = new Random(20261201L);
        long started = System.nanoTime();
        int operations = 0;

        // when every operation gets malformed values in every field and parameter
        for (String group : List.of("platform", "admin", "business")) {
            RawHttp.Reply doc = raw.send("GET", "/v3/api-docs/" + group, Map.of(), null);
            assertThat(doc.status()).as(group + " document").isEqualTo(200);
            JsonNode openApi = ApiClient.json().readTree(doc.body());
            for (var path : openApi.path("paths").properties()) {
                for (var operation : path.getValue().properties()) {
                    operations++;
                    fuzz(
                            group,
                            operation.getKey().toUpperCase(),
                            path.getKey(),
                            operation.getValue(),
                            openApi,
                            seeded);
                }
            }
        }

        // then none answered with a server error
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf(
                "OpenApiFuzzIT: %d requests over %d operations in %d s, %d failures%n",
                requests, operations, seconds, failures.size());
        assertThat(operations).as("operations in the documents").isGreaterThan(40);
        assertThat(failures).as("requests answered with a server error").isEmpty();
    }

    private void fuzz(
            String group,
            String method,
            String template,
            JsonNode operation,
            JsonNode openApi,
            Random seeded) {
        Map<String, String> headers = auth(group);
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            if (in.equals("path")) {
                pathValues.put(name, baselineId(name));
            } else if (in.equals("query")
                    && !parameter.path("schema").path("type").asString().equals("object")) {
                query.put(name, urlBaseline(name));
            }
        }
        if (group.equals("business") && method.equals("GET")) {
            query.put("advertiser_id", advertiser.id());
            // Two more parameters the controller may read, drawn with the fixed seed.
            for (int i = 0; i < 2; i++) {
                String name = BUSINESS_PARAMETERS.get(seeded.nextInt(BUSINESS_PARAMETERS.size()));
                query.putIfAbsent(name, urlBaseline(name));
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        boolean multipart = content.has("multipart/form-data");
        JsonNode bodySchema =
                resolve(
                        openApi,
                        (multipart
                                        ? content.path("multipart/form-data")
                                        : content.path("application/json"))
                                .path("schema"));
        ObjectNode body =
                bodySchema.isMissingNode() ? null : (ObjectNode) baseline(openApi, bodySchema, 0);

        // path parameters
        for (String name : pathValues.keySet()) {
            for (String bad : URL_VALUES) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, bad);
                send(
                        method,
                        target(template, values, query),
                        headers,
                        body,
                        multipart,
                        "path " + name);
            }
        }
        // query parameters, and one that no operation knows
        List<String> names = new ArrayList<>(query.keySet());
        names.add("unknown_parameter");
        for (String name : names) {
            for (String bad : URL_VALUES) {
                Map<String, String> values = new LinkedHashMap<>(query);
                values.put(name, bad);
                send(
                        method,
                        target(template, pathValues, values),
                        headers,
                        body,
                        multipart,
                        "query " + name);
            }
        }
        if (body == null) {
            return;
        }
        String target = target(template, pathValues, query);
        // each field of the body, and each field of the first object of an array of objects
        for (String field : fieldPaths(body)) {
            for (String bad : BODY_VALUES) {
                if (multipart && bad.startsWith("[[[")) {
                    continue;
                }
                send(
                        method,
                        target,
                        headers,
                        withValue(body, field, bad),
                        multipart,
                        "field " + field);
            }
        }
        // and the body as a whole
        if (multipart) {
            sendRaw(method, target, headers, "multipart/form-data", "--x\r\nbroken", "no boundary");
            sendRaw(
                    method,
                    target,
                    headers,
                    "multipart/form-data; boundary=cut",
                    "--cut\r\nContent-Disposition: form-data; name=\"video_file\"; filename=\"a.mp4\"\r\n\r\nabc",
                    "a cut-off stream");
        } else {
            for (String whole :
                    List.of("", "{", "[]", "\"text\"", "{\"a\":" + "[".repeat(1200), "\u0000")) {
                sendRaw(
                        method,
                        target,
                        headers,
                        "application/json",
                        whole,
                        "body " + whole.length());
            }
        }
    }

    private void send(
            String method,
            String target,
            Map<String, String> headers,
            ObjectNode body,
            boolean multipart,
            String what) {
        send(
                method,
                target,
                headers,
                body == null ? null : ApiClient.json().writeValueAsString(body),
                multipart,
                what);
    }

    private void send(
            String method,
            String target,
            Map<String, String> headers,
            String json,
            boolean multipart,
            String what) {
        if (json == null) {
            sendRaw(method, target, headers, null, null, what);
        } else if (multipart) {
            sendMultipart(method, target, headers, json, what);
        } else {
            sendRaw(method, target, headers, "application/json", json, what);
        }
    }

    private void sendRaw(
            String method,
            String target,
            Map<String, String> headers,
            String contentType,
            String body,
            String what) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (contentType != null) {
            all.put("Content-Type", contentType);
        }
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        RawHttp.Reply reply;
        try {
            reply = raw.send(method, target, all, bytes);
        } catch (java.io.UncheckedIOException noAnswer) {
            requests++;
            failures.add(
                    method
                            + " "
                            + shorten(target)
                            + " ["
                            + what
                            + "] -> no answer: "
                            + noAnswer.getCause());
            return;
        }
        check(method, target, what, reply);
    }

    /** The body's fields as multipart form fields, the video as a small file. */
    private void sendMultipart(
            String method, String target, Map<String, String> headers, String json, String what) {
        JsonNode fields = ApiClient.json().readTree(json);
        String boundary = "fuzzboundary";
        StringBuilder body = new StringBuilder();
        for (var field : fields.properties()) {
            if (field.getKey().equals("video_file")) {
                continue;
            }
            String value =
                    field.getValue().isString()
                            ? field.getValue().asString()
                            : field.getValue().toString();
            body.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=\"")
                    .append(field.getKey())
                    .append("\"\r\n\r\n")
                    .append(value)
                    .append("\r\n");
        }
        String fileName = what.contains("file_name") ? "a\u0000b.mp4" : "clip.mp4";
        body.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"video_file\"; filename=\"")
                .append(fileName)
                .append("\"\r\n")
                .append("Content-Type: video/mp4\r\n\r\n")
                .append("not really a video\r\n")
                .append("--")
                .append(boundary)
                .append("--\r\n");
        sendRaw(
                method,
                target,
                headers,
                "multipart/form-data; boundary=" + boundary,
                body.toString(),
                what);
    }

    private void check(String method, String target, String what, RawHttp.Reply reply) {
        requests++;
        int code = -1;
        String type = reply.header("content-type");
        if (type != null && type.contains("json") && reply.body().startsWith("{")) {
            try {
                code = ApiClient.json().readTree(reply.body()).path("code").asInt(-1);
            } catch (RuntimeException notJson) {
                code = -1;
            }
        }
        if (reply.status() >= 500 || (code >= 50000 && code < 60000)) {
            String shown = shorten(target);
            String answer =
                    reply.body().length() > 200
                            ? reply.body().substring(0, 200) + "…"
                            : reply.body();
            failures.add(
                    method + " " + shown + " [" + what + "] -> " + reply.status() + " " + answer);
        }
    }

    private static String shorten(String target) {
        return target.length() > 120 ? target.substring(0, 120) + "…" : target;
    }

    // ---- baselines: a plausible request, so that the malformed value is what the server meets

    private Map<String, String> auth(String group) {
        return switch (group) {
            case "platform" -> Map.of("Authorization", "Bearer " + ApiClient.PLATFORM_TOKEN);
            case "admin" -> Map.of("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN);
            default -> Map.of("Access-Token", advertiser.token());
        };
    }

    private String baselineId(String name) {
        if (name.contains("item")) {
            return post.itemId();
        }
        if (name.contains("account")) {
            return post.accountId();
        }
        if (name.contains("advertiser")) {
            return advertiser.id();
        }
        return "1";
    }

    private String urlBaseline(String name) {
        if (name.endsWith("_id")) {
            return baselineId(name);
        }
        return switch (name) {
            case "page", "page_size", "count" -> "1";
            case "start_date", "end_date" -> "2026-11-01";
            case "dimensions", "metrics", "item_ids", "campaign_ids", "adgroup_ids", "ad_ids" ->
                    "%5B%5D";
            case "filtering" -> "%7B%7D";
            default -> "a";
        };
    }

    private JsonNode baseline(JsonNode openApi, JsonNode schema, int depth) {
        schema = resolve(openApi, schema);
        String type = schema.path("type").asString();
        if (schema.has("properties") || type.equals("object")) {
            ObjectNode object = ApiClient.json().createObjectNode();
            if (depth > 3) {
                return object;
            }
            for (var property : schema.path("properties").properties()) {
                object.set(
                        property.getKey(),
                        valueFor(openApi, property.getKey(), property.getValue(), depth));
            }
            return object;
        }
        return valueFor(openApi, "", schema, depth);
    }

    private JsonNode valueFor(JsonNode openApi, String name, JsonNode schema, int depth) {
        schema = resolve(openApi, schema);
        var json = ApiClient.json();
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asString();
        if (name.endsWith("_id") || name.equals("tiktok_item_id")) {
            return json.getNodeFactory().stringNode(baselineId(name));
        }
        return switch (type) {
            case "integer", "number" ->
                    json.getNodeFactory().numberNode(name.equals("days") ? 30 : 1);
            case "boolean" -> json.getNodeFactory().booleanNode(true);
            case "array" -> {
                var array = json.createArrayNode();
                array.add(valueFor(openApi, "", schema.path("items"), depth + 1));
                yield array;
            }
            case "object" -> baseline(openApi, schema, depth + 1);
            default ->
                    json.getNodeFactory()
                            .stringNode(
                                    schema.path("format").asString().equals("date-time")
                                            ? Instant.now().toString()
                                            : schema.has("properties") ? "" : "fuzz");
        };
    }

    private static JsonNode resolve(JsonNode openApi, JsonNode schema) {
        int hops = 0;
        while (schema.has("$ref") && hops++ < 10) {
            String ref = schema.path("$ref").asString();
            schema =
                    openApi.path("components")
                            .path("schemas")
                            .path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /** {@code a}, {@code b}, and {@code list.0.c} for the fields of a list's first object. */
    private static List<String> fieldPaths(ObjectNode body) {
        List<String> paths = new ArrayList<>();
        for (var field : body.properties()) {
            paths.add(field.getKey());
            JsonNode value = field.getValue();
            if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                for (var inner : value.get(0).properties()) {
                    paths.add(field.getKey() + ".0." + inner.getKey());
                }
            } else if (value.isObject()) {
                for (var inner : value.properties()) {
                    paths.add(field.getKey() + "." + inner.getKey());
                }
            }
        }
        return paths;
    }

    /** The body as JSON text with the value at {@code path} replaced by raw JSON text. */
    private static String withValue(ObjectNode body, String path, String rawValue) {
        ObjectNode copy = body.deepCopy();
        String[] parts = path.split("\\.");
        JsonNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent =
                    parent.isArray()
                            ? parent.get(Integer.parseInt(parts[i]))
                            : parent.get(parts[i]);
        }
        ((ObjectNode) parent).put(parts[parts.length - 1], FUZZ);
        return ApiClient.json().writeValueAsString(copy).replace("\"" + FUZZ + "\"", rawValue);
    }

    private static String target(
            String template, Map<String, String> pathValues, Map<String, String> query) {
        String path = template;
        for (var value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder target = new StringBuilder(path).append('?');
        query.forEach((k, v) -> target.append(k).append('=').append(v).append('&'));
        target.setLength(target.length() - 1);
        return target.toString();
    }
}
