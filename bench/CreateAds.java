import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load script: creates 10,000 Spark Ads in one ad account through the Business API, as a client
 * would (20 creatives per ad/create call, several clients at once), then checks that the next one
 * is refused with TikTok's quota code 40502.
 *
 * <p>Run against a started server: {@code java bench/CreateAds.java http://localhost:8080
 * <admin-token> <platform-token> [clients]}
 */
public class CreateAds {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String base;

    public static void main(String[] args) throws Exception {
        base = args[0];
        String admin = args[1];
        String platform = args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int total = 10_000;
        int perCall = 20;

        String advertiser = field(post("/admin/v1/advertisers", admin, null, "{\"name\":\"Load\",\"currency\":\"USD\",\"timezone\":\"UTC\"}"), "advertiser_id");
        String token = field(post("/admin/v1/access_tokens", admin, null, "{\"advertiser_ids\":[\"" + advertiser + "\"]}"), "access_token");
        String handle = "load" + UUID.randomUUID().toString().substring(0, 8);
        String account = field(post("/platform/v1/accounts", platform, null, "{\"handle\":\"" + handle + "\",\"display_name\":\"Load\",\"account_type\":\"CREATOR\",\"region\":\"US\"}"), "account_id");
        String item = field(post("/platform/v1/posts", platform, null, "{\"account_id\":\"" + account + "\",\"caption\":\"load\",\"duration_ms\":10000,\"visibility\":\"PUBLIC\"}"), "item_id");
        String code = field(post("/platform/v1/posts/" + item + "/ad_authorization", platform, null, "{\"days\":30}"), "auth_code");
        business("/tt_video/authorize/", token, "{\"advertiser_id\":\"" + advertiser + "\",\"auth_code\":\"" + code + "\"}");
        String campaign = field(business("/campaign/create/", token, "{\"advertiser_id\":\"" + advertiser + "\",\"campaign_name\":\"load\",\"objective_type\":\"REACH\",\"budget_mode\":\"BUDGET_MODE_INFINITE\"}"), "campaign_id");
        String adgroup = field(business("/adgroup/create/", token, "{\"advertiser_id\":\"" + advertiser + "\",\"campaign_id\":\"" + campaign + "\",\"adgroup_name\":\"load\",\"billing_event\":\"CPM\",\"bid_price\":5}"), "adgroup_id");

        StringBuilder creatives = new StringBuilder("[");
        for (int i = 0; i < perCall; i++) {
            creatives.append(i == 0 ? "" : ",").append("{\"ad_name\":\"load ").append(i).append("\",\"identity_type\":\"AUTH_CODE\",\"identity_id\":\"")
                    .append(account).append("\",\"tiktok_item_id\":\"").append(item).append("\"}");
        }
        String body = "{\"advertiser_id\":\"" + advertiser + "\",\"adgroup_id\":\"" + adgroup + "\",\"creatives\":" + creatives + "]}";

        int calls = total / perCall;
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (next.getAndIncrement() < calls) {
                    String response = business("/ad/create/", token, body);
                    if (!response.contains("\"code\":0")) {
                        failures.incrementAndGet();
                        System.err.println(response);
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
        String over = business("/ad/create/", token, body.replace(creatives.toString() + "]", creatives.substring(0, creatives.indexOf("},") + 1) + "]"));
        System.out.printf("created %d ads in %d calls with %d clients: %.1f s, %.0f ads/s, %d failed calls%n",
                total, calls, clients, seconds, total / seconds, failures.get());
        System.out.println("the next ad: " + (over.contains("\"code\":40502") ? "refused with 40502" : "NOT refused: " + over));
    }

    static String business(String path, String token, String json) throws Exception {
        return post("/open_api/v1.3" + path, null, token, json);
    }

    static String post(String path, String bearer, String accessToken, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (accessToken != null) {
            request.header("Access-Token", accessToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
