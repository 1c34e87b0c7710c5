import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load script: sends organic events to {@code POST /platform/v1/events} as a host app would, in
 * batches from several clients at once, and prints events per second and the batch latency. Each
 * 2xx is a committed transaction (direct path) or a batch the broker acknowledged (Kafka path);
 * then waits until the posts' organic views hold every event and prints that rate too ("counted").
 * The events are spread over {@code posts} posts (created through the platform API, default 200)
 * and 5,000 viewers, as a host app's are; {@code posts} = 1 puts every event on one post. The posts
 * belong to {@code creators} creator accounts (default 1) in as many regions (US, GB, DE, …) and
 * carry 20 hashtags between them, so Trend Discovery's rows are shared as a host app's would be.
 *
 * <p>Run against a started server: {@code java bench/IngestEvents.java http://localhost:8080
 * <platform-token> <events> <batch-size> [clients] [posts] [creators]}; with {@code EVENTS_URL}
 * set (e.g. {@code http://localhost:8081}, the lean listener) the events go there, the set-up and
 * the counting to the first address.
 */
public class IngestEvents {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The creators' regions, one after the other. */
    static final String[] REGIONS = {"US", "GB", "DE", "FR", "JP", "BR", "IN", "CA"};
    static String base;
    /** Where the events go: {@code EVENTS_URL} (e.g. the lean listener's port), else {@code base}. */
    static String eventsBase;

    public static void main(String[] args) throws Exception {
        base = args[0];
        eventsBase = System.getenv().getOrDefault("EVENTS_URL", base);
        String platform = args[1];
        int total = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        int postCount = args.length > 5 ? Integer.parseInt(args[5]) : 200;
        int creators = args.length > 6 ? Integer.parseInt(args[6]) : 1;

        String handle = "ingest" + UUID.randomUUID().toString().substring(0, 8);
        String[] accounts = new String[creators];
        for (int c = 0; c < creators; c++) {
            accounts[c] = field(post("/platform/v1/accounts", platform, "{\"handle\":\"" + handle + c + "\",\"display_name\":\"Ingest\",\"account_type\":\"CREATOR\",\"region\":\"" + REGIONS[c % REGIONS.length] + "\"}"), "account_id");
        }
        String[] items = new String[postCount];
        for (int p = 0; p < postCount; p++) {
            items[p] = field(post("/platform/v1/posts", platform, "{\"account_id\":\"" + accounts[p % creators] + "\",\"caption\":\"ingest " + p + "\",\"hashtags\":[\"tag" + (p % 20) + "\"],\"duration_ms\":10000,\"visibility\":\"PUBLIC\"}"), "item_id");
        }
        // Each post's expected views: event k of the run (warm-up first) goes to post k % posts.
        long[] expectedViews = new long[postCount];

        // Warm-up: the server's JIT and connection pool, not counted.
        for (int i = 0; i < 20; i++) {
            send(platform, items, i, "warm-" + handle + "-" + i, batch);
            count(expectedViews, i, batch);
        }

        int calls = total / batch;
        long[] latencies = new long[calls];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                int call;
                while ((call = next.getAndIncrement()) < calls) {
                    long t0 = System.nanoTime();
                    String response = send(platform, items, 20 + call, handle + "-" + call, batch);
                    latencies[call] = System.nanoTime() - t0;
                    if (!response.contains("\"accepted\":" + batch)) {
                        failures.incrementAndGet();
                        System.err.println(response);
                    } else {
                        synchronized (expectedViews) {
                            count(expectedViews, 20 + call, batch);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        // Counted: until every post's organic views hold its events (at once on the direct path;
        // on the Kafka path when the consumers have caught up), post by post.
        long views = 0;
        for (int p = 0; p < postCount; p++) {
            long v;
            while ((v = organicViews(platform, items[p])) < expectedViews[p]) {
                Thread.sleep(20);
            }
            views += v;
        }
        double countedSeconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%d events in %d batches of %d from %d clients: %.1f s, %.0f events/s, batch p50 %.1f ms, p99 %.1f ms, %d failed%n",
                calls * batch, calls, batch, clients, seconds, calls * batch / seconds,
                latencies[calls / 2] / 1e6, latencies[(int) (calls * 0.99)] / 1e6, failures.get());
        System.out.printf("counted: all %d in %.1f s, %.0f events/s (%d views on %d posts)%n",
                calls * batch, countedSeconds, calls * batch / countedSeconds, views, postCount);
    }

    static long organicViews(String platform, String item) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/platform/v1/posts/" + item))
                .header("Authorization", "Bearer " + platform).GET().build();
        String json = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"organic\"\\s*:\\s*\\{[^}]*\"views\"\\s*:\\s*\"?(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no organic views in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** Adds batch number {@code call}'s events to the posts' expected views. */
    static void count(long[] expectedViews, int call, int batch) {
        for (int i = 0; i < batch; i++) {
            expectedViews[(int) (((long) call * batch + i) % expectedViews.length)]++;
        }
    }

    static String send(String platform, String[] items, int call, String prefix, int batch) throws Exception {
        StringBuilder events = new StringBuilder("{\"events\":[");
        String now = Instant.now().toString();
        for (int i = 0; i < batch; i++) {
            long k = (long) call * batch + i;
            events.append(i == 0 ? "" : ",").append("{\"event_id\":\"").append(prefix).append('-').append(i)
                    .append("\",\"type\":\"VIDEO_PLAY\",\"occurred_at\":\"").append(now)
                    .append("\",\"viewer_id\":\"v").append(k % 5000).append("\",\"item_id\":\"")
                    .append(items[(int) (k % items.length)]).append("\"}");
        }
        return post(eventsBase, "/platform/v1/events", platform, events.append("]}").toString());
    }

    static String post(String path, String bearer, String json) throws Exception {
        return post(base, path, bearer, json);
    }

    static String post(String at, String path, String bearer, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(at + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
