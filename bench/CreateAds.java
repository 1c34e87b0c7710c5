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
 * Load script: creates 10,000 Spark Ads in each of one or more ad accounts through the Business
 * API, as a client would (20 creatives per ad/create call, several clients at once), checks that
 * each account's next one is refused with TikTok's quota code 40502, then waits until the review
 * has taken every ad (queued it, or decided it when the server approves automatically).
 *
 * <p>Run against a started server: {@code java bench/CreateAds.java http://localhost:8080
 * <admin-token> <platform-token> [clients] [accounts]}. With the server started with {@code
 * --sparkads.review.auto-approve=true}, every ad ends approved and live: 10 accounts seed the
 * 100,000 live ads of the serving benchmarks.
 */
public class CreateAds {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int PER_ACCOUNT = 10_000;
    static final int PER_CALL = 20;
    static String base;
    static String admin;

    /** One ad account ready for ads: its token, the ad/create body of 20 Spark Ads, and of one. */
    record Account(String advertiser, String token, String body, String oneMore) {}

    public static void main(String[] args) throws Exception {
        base = args[0];
        admin = args[1];
        String platform = args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int accountCount = args.length > 4 ? Integer.parseInt(args[4]) : 1;

        List<Account> accounts = new ArrayList<>();
        for (int a = 0; a < accountCount; a++) {
            accounts.add(account(platform));
        }
        long reviewsBefore = reviews(null);
        long approvedBefore = reviews("APPROVED");

        int calls = PER_ACCOUNT / PER_CALL * accountCount;
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        // Calls go round the accounts, so each account's quota is taken by several clients at once.
        double seconds = calls(calls, clients, call -> {
            Account account = accounts.get(call % accountCount);
            String response = business("/ad/create/", account.token(), account.body());
            if (!response.contains("\"code\":0")) {
                failures.incrementAndGet();
                System.err.println(response);
            }
        });
        int total = PER_ACCOUNT * accountCount;
        System.out.printf(
                "created %d ads in %d account(s), %d calls with %d clients: %.1f s, %.0f ads/s, %d failed calls%n",
                total, accountCount, calls, clients, seconds, total / seconds, failures.get());
        int refused = 0;
        for (Account account : accounts) {
            String over = business("/ad/create/", account.token(), account.oneMore());
            if (over.contains("\"code\":40502")) {
                refused++;
            } else {
                System.out.println("the next ad NOT refused: " + over);
            }
        }
        System.out.printf("the next ad: refused with 40502 in %d of %d account(s)%n", refused, accountCount);

        long reviewed;
        long approved;
        do {
            Thread.sleep(200);
            reviewed = reviews(null) - reviewsBefore;
            approved = reviews("APPROVED") - approvedBefore;
        } while (reviewed < total && System.nanoTime() - started < 600e9);
        System.out.printf(
                "review took all %d ads %.1f s after the first call; %d approved%n",
                reviewed, (System.nanoTime() - started) / 1e9, approved);

        // The floor under ad/create: as many calls through the same API (token, routing, JSON)
        // that do next to nothing, measured the same way in the same run.
        double floor = calls(calls, clients, call -> {
            Account account = accounts.get(call % accountCount);
            get("/open_api/v1.3/ad/quota/get/?advertiser_id=" + account.advertiser(), account.token());
        });
        System.out.printf(
                "the same %d calls of ad/quota/get/: %.1f s (ad/create takes %.1f times as long)%n",
                calls, floor, seconds / floor);
    }

    interface Call {
        void run(int call) throws Exception;
    }

    /** Makes the calls from so many clients at once; answers the seconds they took. */
    static double calls(int calls, int clients, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < calls; ) {
                    call.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return (System.nanoTime() - started) / 1e9;
    }

    /** A new ad account with one authorized post, a campaign and an ad group. */
    static Account account(String platform) throws Exception {
        String advertiser = field(post("/admin/v1/advertisers", admin, null, "{\"name\":\"Load\",\"currency\":\"USD\",\"timezone\":\"UTC\"}"), "advertiser_id");
        String token = field(post("/admin/v1/access_tokens", admin, null, "{\"advertiser_ids\":[\"" + advertiser + "\"]}"), "access_token");
        String handle = "load" + UUID.randomUUID().toString().substring(0, 8);
        String account = field(post("/platform/v1/accounts", platform, null, "{\"handle\":\"" + handle + "\",\"display_name\":\"Load\",\"account_type\":\"CREATOR\",\"region\":\"US\"}"), "account_id");
        String item = field(post("/platform/v1/posts", platform, null, "{\"account_id\":\"" + account + "\",\"caption\":\"load\",\"duration_ms\":10000,\"visibility\":\"PUBLIC\"}"), "item_id");
        String code = field(post("/platform/v1/posts/" + item + "/ad_authorization", platform, null, "{\"days\":30}"), "auth_code");
        business("/tt_video/authorize/", token, "{\"advertiser_id\":\"" + advertiser + "\",\"auth_code\":\"" + code + "\"}");
        String campaign = field(business("/campaign/create/", token, "{\"advertiser_id\":\"" + advertiser + "\",\"campaign_name\":\"load\",\"objective_type\":\"REACH\",\"budget_mode\":\"BUDGET_MODE_INFINITE\"}"), "campaign_id");
        String adgroup = field(business("/adgroup/create/", token, "{\"advertiser_id\":\"" + advertiser + "\",\"campaign_id\":\"" + campaign + "\",\"adgroup_name\":\"load\",\"billing_event\":\"CPM\",\"bid_price\":5}"), "adgroup_id");

        List<String> creatives = new ArrayList<>();
        for (int i = 0; i < PER_CALL; i++) {
            creatives.add("{\"ad_name\":\"load " + i + "\",\"identity_type\":\"AUTH_CODE\",\"identity_id\":\"" + account + "\",\"tiktok_item_id\":\"" + item + "\"}");
        }
        String head = "{\"advertiser_id\":\"" + advertiser + "\",\"adgroup_id\":\"" + adgroup + "\",\"creatives\":[";
        return new Account(advertiser, token, head + String.join(",", creatives) + "]}", head + creatives.get(0) + "]}");
    }

    /** How many reviews there are with the status (any status when null). */
    static long reviews(String status) throws Exception {
        String query = status == null ? "?page_size=1" : "?status=" + status + "&page_size=1";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/admin/v1/reviews" + query)).header("Authorization", "Bearer " + admin).build();
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (!m.find()) {
            throw new IllegalStateException("no review total");
        }
        return Long.parseLong(m.group(1));
    }

    static String get(String path, String accessToken) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Access-Token", accessToken).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
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
