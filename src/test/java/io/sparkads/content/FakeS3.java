package io.sparkads.content;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small S3 stand-in for tests (no S3-compatible server can run here): one bucket, path-style PUT,
 * GET (with {@code Range: bytes=n-} and {@code n-m}), HEAD and DELETE of objects. Every request
 * must carry a Signature Version 4 {@code Authorization} header of the right shape, whose
 * credential names the expected key, date and region, whose payload hash is the body's, and whose
 * signature is recomputed from what arrived on the wire (the {@code Host} header as the client
 * wrote it, the signed headers' values); otherwise 403 {@code SignatureDoesNotMatch}, as S3
 * answers.
 */
final class FakeS3 implements AutoCloseable {
    private static final Pattern AUTHORIZATION =
            Pattern.compile(
                    "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([a-z0-9-]+)/s3/aws4_request,"
                            + " SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    /** While set, every request is answered 503 SlowDown, as a bucket that is away. */
    volatile boolean away;

    private final HttpServer server;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private final String region;

    FakeS3(String bucket, String accessKey, String secretKey, String region) throws IOException {
        this.bucket = bucket;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String range = exchange.getRequestHeaders().getFirst("Range");
            requests.add(method + " " + path + (range == null ? "" : " " + range));
            if (away) {
                answer(exchange, 503, error("SlowDown", "the bucket is away"));
                return;
            }
            String problem = signatureProblem(exchange, body);
            if (problem != null) {
                answer(exchange, 403, error("SignatureDoesNotMatch", problem));
                return;
            }
            String prefix = "/" + bucket + "/";
            if (!path.startsWith(prefix)) {
                answer(exchange, 404, error("NoSuchBucket", path));
                return;
            }
            String key = path.substring(prefix.length());
            switch (method) {
                case "PUT" -> {
                    objects.put(key, body);
                    answer(exchange, 200, new byte[0]);
                }
                case "DELETE" -> {
                    objects.remove(key);
                    exchange.sendResponseHeaders(204, -1);
                }
                case "HEAD", "GET" -> {
                    byte[] object = objects.get(key);
                    if (object == null) {
                        if (method.equals("HEAD")) {
                            exchange.sendResponseHeaders(404, -1);
                        } else {
                            answer(exchange, 404, error("NoSuchKey", key));
                        }
                        return;
                    }
                    if (method.equals("HEAD")) {
                        exchange.getResponseHeaders().set("Content-Length", "" + object.length);
                        exchange.sendResponseHeaders(200, -1);
                        return;
                    }
                    if (range == null) {
                        answer(exchange, 200, object);
                        return;
                    }
                    Matcher r = Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
                    if (!r.matches() || Long.parseLong(r.group(1)) >= object.length) {
                        answer(exchange, 416, error("InvalidRange", range));
                        return;
                    }
                    int from = Integer.parseInt(r.group(1));
                    int to =
                            r.group(2).isEmpty()
                                    ? object.length - 1
                                    : Math.min(object.length - 1, Integer.parseInt(r.group(2)));
                    exchange.getResponseHeaders()
                            .set("Content-Range", "bytes " + from + "-" + to + "/" + object.length);
                    byte[] part = java.util.Arrays.copyOfRange(object, from, to + 1);
                    exchange.sendResponseHeaders(206, part.length);
                    exchange.getResponseBody().write(part);
                }
                default -> answer(exchange, 405, error("MethodNotAllowed", method));
            }
        }
    }

    private String signatureProblem(HttpExchange exchange, byte[] body) {
        var headers = exchange.getRequestHeaders();
        String authorization = headers.getFirst("Authorization");
        if (authorization == null) {
            return "no Authorization header";
        }
        Matcher auth = AUTHORIZATION.matcher(authorization);
        if (!auth.matches()) {
            return "Authorization is not a SigV4 header: " + authorization;
        }
        String date = headers.getFirst("x-amz-date");
        if (date == null || !date.startsWith(auth.group(2))) {
            return "x-amz-date " + date + " is not the credential's day";
        }
        if (!auth.group(1).equals(accessKey) || !auth.group(3).equals(region)) {
            return "credential is for another key or region";
        }
        String payload = headers.getFirst("x-amz-content-sha256");
        String actual = HexFormat.of().formatHex(S3Signer.sha256().digest(body));
        if (!actual.equals(payload)) {
            return "x-amz-content-sha256 is not the body's hash";
        }
        List<String> signedNames = List.of(auth.group(4).split(";"));
        if (!signedNames.contains("host") || !signedNames.contains("x-amz-date")) {
            return "host and x-amz-date must be signed";
        }
        Map<String, String> others = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : signedNames) {
            if (name.equals("host") || name.startsWith("x-amz-")) {
                continue;
            }
            String value = headers.getFirst(name);
            if (value == null) {
                missing.add(name);
            } else {
                others.put(name, value);
            }
        }
        if (!missing.isEmpty()) {
            return "signed headers not sent: " + missing;
        }
        URI asSent =
                URI.create(
                        "http://" + headers.getFirst("Host") + exchange.getRequestURI().toString());
        String expected =
                new S3Signer(accessKey, secretKey, region)
                        .sign(
                                exchange.getRequestMethod(),
                                asSent,
                                others,
                                payload,
                                Instant.from(STAMP.parse(date)))
                        .get("Authorization");
        return expected.equals(authorization) ? null : "signature does not match";
    }

    private static byte[] error(String code, String message) {
        return ("<?xml version=\"1.0\"?><Error><Code>"
                        + code
                        + "</Code><Message>"
                        + message
                        + "</Message></Error>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
