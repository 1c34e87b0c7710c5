package io.sparkads.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;

/**
 * Videos in an S3-compatible bucket (Amazon S3, MinIO, Ceph, R2, …), spoken to with plain HTTP and
 * Signature Version 4 ({@link S3Signer}); no SDK. A read asks the bucket for the bytes from the
 * offset a range request starts at, so seeking in a long video fetches only what is played.
 */
final class S3VideoStore implements VideoStore {
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");

    private final URI endpoint;
    private final String bucket;
    private final boolean pathStyle;
    private final S3Signer signer;
    private final Clock clock;
    private final HttpClient http;

    S3VideoStore(URI endpoint, String bucket, boolean pathStyle, S3Signer signer, Clock clock) {
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.pathStyle = pathStyle;
        this.signer = signer;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void save(String key, Path file, String contentType) throws IOException {
        MessageDigest sha = S3Signer.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String payload = HexFormat.of().formatHex(sha.digest());
        URI uri = objectUri(key);
        HttpResponse<String> answer =
                send(
                        "PUT",
                        uri,
                        Map.of("content-type", contentType),
                        payload,
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw failure("PUT", key, answer.statusCode(), answer.body());
        }
    }

    @Override
    public Optional<Resource> find(String key) {
        URI uri = objectUri(key);
        try {
            HttpResponse<Void> head =
                    send(
                            "HEAD",
                            uri,
                            Map.of(),
                            S3Signer.EMPTY_SHA256,
                            HttpRequest.BodyPublishers.noBody(),
                            HttpResponse.BodyHandlers.discarding());
            if (head.statusCode() == 404) {
                return Optional.empty();
            }
            if (head.statusCode() / 100 != 2) {
                throw failure("HEAD", key, head.statusCode(), "");
            }
            long length = head.headers().firstValueAsLong("content-length").orElse(-1);
            return Optional.of(new StoredObject(key, uri, length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        HttpResponse<String> answer =
                send(
                        "DELETE",
                        objectUri(key),
                        Map.of(),
                        S3Signer.EMPTY_SHA256,
                        HttpRequest.BodyPublishers.noBody(),
                        HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2 && answer.statusCode() != 404) {
            throw failure("DELETE", key, answer.statusCode(), answer.body());
        }
    }

    @Override
    public String describe() {
        return "S3 bucket " + bucket + " at " + endpoint;
    }

    URI objectUri(String key) {
        String base = endpoint.toString().replaceAll("/+$", "");
        if (pathStyle) {
            return URI.create(base + "/" + bucket + "/" + StoreKeys.check(key));
        }
        URI withBucket =
                URI.create(
                        endpoint.getScheme()
                                + "://"
                                + bucket
                                + "."
                                + endpoint.getRawAuthority()
                                + endpoint.getRawPath().replaceAll("/+$", ""));
        return URI.create(withBucket + "/" + StoreKeys.check(key));
    }

    private <T> HttpResponse<T> send(
            String method,
            URI uri,
            Map<String, String> headers,
            String payloadSha256,
            HttpRequest.BodyPublisher body,
            HttpResponse.BodyHandler<T> handler)
            throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).method(method, body);
        signer.sign(method, uri, headers, payloadSha256, clock.instant()).forEach(request::header);
        try {
            return http.send(request.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while talking to the media bucket");
        }
    }

    private IOException failure(String method, String key, int status, String body) {
        Matcher code = ERROR_CODE.matcher(body == null ? "" : body);
        return new IOException(
                "The media bucket "
                        + bucket
                        + " answered "
                        + status
                        + (code.find() ? " (" + code.group(1) + ")" : "")
                        + " to "
                        + method
                        + " "
                        + key
                        + "; check SPARKADS_MEDIA_S3_* (endpoint, bucket, region, keys)");
    }

    /** An object in the bucket; its stream opens at the first read, after any skip. */
    private final class StoredObject extends AbstractResource {
        private final String key;
        private final URI uri;
        private final long length;

        StoredObject(String key, URI uri, long length) {
            this.key = key;
            this.uri = uri;
            this.length = length;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String getFilename() {
            return key;
        }

        @Override
        public String getDescription() {
            return "object " + key + " in " + describe();
        }

        @Override
        public InputStream getInputStream() {
            return new RangeStream();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredObject o && o.uri.equals(uri);
        }

        @Override
        public int hashCode() {
            return uri.hashCode();
        }

        /**
         * Skips before the first read move the start of the GET ({@code Range: bytes=n-}), which is
         * how Spring serves a range of a resource.
         */
        private final class RangeStream extends InputStream {
            private long offset;
            private InputStream open;

            @Override
            public long skip(long n) throws IOException {
                if (open != null) {
                    return open.skip(n);
                }
                long skipped = Math.max(0, Math.min(n, length - offset));
                offset += skipped;
                return skipped;
            }

            @Override
            public int read() throws IOException {
                return opened().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return opened().read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (open != null) {
                    open.close();
                }
            }

            private InputStream opened() throws IOException {
                if (open == null) {
                    if (length >= 0 && offset >= length) {
                        open = InputStream.nullInputStream();
                        return open;
                    }
                    Map<String, String> range =
                            offset == 0 ? Map.of() : Map.of("range", "bytes=" + offset + "-");
                    HttpResponse<InputStream> answer =
                            send(
                                    "GET",
                                    uri,
                                    range,
                                    S3Signer.EMPTY_SHA256,
                                    HttpRequest.BodyPublishers.noBody(),
                                    HttpResponse.BodyHandlers.ofInputStream());
                    int status = answer.statusCode();
                    if (status != 200 && status != 206) {
                        String body;
                        try (InputStream error = answer.body()) {
                            body = new String(error.readNBytes(4096), StandardCharsets.UTF_8);
                        }
                        throw failure("GET", key, status, body);
                    }
                    open = answer.body();
                    if (status == 200 && offset > 0) {
                        open.skipNBytes(offset);
                    }
                }
                return open;
            }
        }
    }
}
