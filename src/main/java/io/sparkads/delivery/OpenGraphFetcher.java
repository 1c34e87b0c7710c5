package io.sparkads.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a landing page's Open Graph card on the server, for the profile's landing page panel. A
 * page is someone else's server, so each read is bounded: only http and https, a time limit for the
 * whole read (connect, headers and body), a size limit, at most a few redirects and each to http or
 * https again, and by default never an address of this machine or its private network (SSRF: a
 * landing page must not make the server read its own admin endpoints or a cloud metadata service).
 * What was read is kept in a small cache for a while, failures for a shorter while; a page that
 * cannot be read gives the plain card (its URL, titled with its host), never an error.
 *
 * <p>Not done: the address is checked when the name is resolved and then resolved again by the HTTP
 * client, so a name whose DNS answer changes in between (DNS rebinding) could still reach a private
 * address; a deployment that needs more puts an egress proxy in front.
 */
public final class OpenGraphFetcher implements AutoCloseable {

    /**
     * @param timeout for the whole read of one page, redirects included
     * @param maxBytes a larger page is not read (the plain card is shown)
     * @param allowPrivateAddresses read pages on loopback and private networks too (tests, demos)
     * @param cacheTtl how long a card that was read is kept
     * @param failureTtl how long a page that could not be read is not tried again
     * @param cacheSize how many pages are kept, the least recently used leave first
     */
    public record Settings(
            Duration timeout,
            int maxBytes,
            boolean allowPrivateAddresses,
            Duration cacheTtl,
            Duration failureTtl,
            int cacheSize) {
        public static final Settings DEFAULTS =
                new Settings(
                        Duration.ofSeconds(2),
                        512 * 1024,
                        false,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(1),
                        1000);
    }

    static final int MAX_REDIRECTS = 3;
    private static final Pattern CHARSET =
            Pattern.compile("charset=\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService readers;
    private final Map<String, Cached> cache;

    private record Cached(OpenGraphCard card, Instant until) {}

    public OpenGraphFetcher(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(settings.timeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
        this.readers =
                Executors.newFixedThreadPool(
                        4,
                        r -> {
                            Thread t = new Thread(r, "open-graph-reader");
                            t.setDaemon(true);
                            return t;
                        });
        this.cache =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                        return size() > settings.cacheSize();
                    }
                };
    }

    /** The page's card: from the cache, else read now within the time limit; never throws. */
    public OpenGraphCard card(String url) {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached hit = cache.get(url);
            if (hit != null && now.isBefore(hit.until())) {
                return hit.card();
            }
        }
        Optional<OpenGraphCard> read = readWithin(url);
        OpenGraphCard card = read.orElseGet(() -> OpenGraphTags.plain(url));
        Duration ttl = read.isPresent() ? settings.cacheTtl() : settings.failureTtl();
        synchronized (cache) {
            cache.put(url, new Cached(card, clock.instant().plus(ttl)));
        }
        return card;
    }

    private Optional<OpenGraphCard> readWithin(String url) {
        Future<Optional<OpenGraphCard>> reading = readers.submit(() -> read(url));
        try {
            return reading.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            reading.cancel(true); // interrupts a body read that is still waiting for bytes
            return Optional.empty();
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<OpenGraphCard> read(String url) throws IOException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            if (!reachable(uri)) {
                return Optional.empty();
            }
            HttpRequest request =
                    HttpRequest.newBuilder(uri)
                            .timeout(settings.timeout())
                            .header("Accept", "text/html,application/xhtml+xml")
                            .header("User-Agent", "SparkAds-LandingPanel/1.0")
                            .GET()
                            .build();
            HttpResponse<InputStream> response =
                    http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status >= 300 && status < 400) {
                    Optional<String> location = response.headers().firstValue("Location");
                    if (location.isEmpty()) {
                        return Optional.empty();
                    }
                    uri = uri.resolve(location.get());
                    continue;
                }
                if (status != 200 || !html(response)) {
                    return Optional.empty();
                }
                if (response.headers().firstValueAsLong("Content-Length").orElse(0)
                        > settings.maxBytes()) {
                    return Optional.empty();
                }
                byte[] bytes = readAtMost(body, settings.maxBytes());
                if (bytes == null) {
                    return Optional.empty();
                }
                return Optional.of(
                        OpenGraphTags.read(new String(bytes, charset(response)), uri, url));
            }
        }
        return Optional.empty(); // too many redirects
    }

    /** An http or https address with a host that may be read from here. */
    boolean reachable(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getUserInfo() != null) {
            return false;
        }
        if (settings.allowPrivateAddresses()) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Loopback, private, link-local (cloud metadata), carrier-grade NAT and unique-local ones. */
    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isAnyLocalAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64; // 100.64.0.0/10
    }

    private static boolean html(HttpResponse<?> response) {
        String type =
                response.headers()
                        .firstValue("Content-Type")
                        .orElse("text/html")
                        .toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml");
    }

    private static Charset charset(HttpResponse<?> response) {
        Matcher m = CHARSET.matcher(response.headers().firstValue("Content-Type").orElse(""));
        if (m.find()) {
            try {
                return Charset.forName(m.group(1));
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** The body, or null when it holds more than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
