package io.sparkads.multiserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web sessions live in the shared PostgreSQL (Spring Session JDBC): a person signed in through the
 * form on server A is signed in on server B with the same cookie, as a load balancer without sticky
 * sessions would send them, and signing out on B ends the session on A too.
 */
class SessionMultiServerIT {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("^(SESSION=[^;]+)");
    private static final String PASSWORD = "shared-session-pass-1";

    @TempDir static Path dir;
    static TwoServers servers;
    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        servers = TwoServers.start(dir, "sessions", List.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void aSessionMadeByTheFormOnOneServerIsValidOnTheOtherUntilSignedOutOnEither()
            throws Exception {
        // Given an advertiser user, made through A
        ApiClient a = servers.apiA();
        ApiFixtures.Advertiser advertiser = new ApiFixtures(a).givenAdvertiser();
        String username = "shared-" + ApiFixtures.unique();
        new ApiFixtures(a).givenAdvertiserUser(advertiser, username, PASSWORD);

        // When they sign in with the form on A
        String cookie = signIn(servers.a().port(), username);

        // Then B knows the session: the Ads Manager opens, and without the cookie it does not
        HttpResponse<String> onB = get(servers.b().port(), "/ads", cookie);
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(200);
        assertThat(onB.body()).contains(username);
        assertThat(get(servers.b().port(), "/ads", null).statusCode()).isEqualTo(302);

        // And signing out on B ends the session on A as well
        String csrf = csrf(onB.body());
        HttpResponse<String> signOut =
                post(servers.b().port(), "/logout", Map.of("_csrf", csrf), cookie);
        assertThat(signOut.statusCode()).isEqualTo(302);
        HttpResponse<String> onA = get(servers.a().port(), "/ads", cookie);
        assertThat(onA.statusCode()).isEqualTo(302);
        assertThat(onA.headers().firstValue("Location").orElse("")).contains("/login");
    }

    /** Signs in with the form, as a browser does: the page's CSRF token, then the post. */
    private String signIn(int port, String username) throws Exception {
        HttpResponse<String> form = get(port, "/login", null);
        assertThat(form.statusCode()).isEqualTo(200);
        String anonymous = sessionCookie(form);
        HttpResponse<String> signedIn =
                post(
                        port,
                        "/login",
                        Map.of(
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "_csrf",
                                csrf(form.body())),
                        anonymous);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse(""))
                .doesNotContain("error")
                .doesNotContain("wait");
        // a new session id at sign-in (session fixation protection)
        String cookie = sessionCookie(signedIn);
        assertThat(cookie).isNotEqualTo(anonymous);
        return cookie;
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SESSION_COOKIE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no SESSION cookie in " + response.headers()));
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(int port, String path, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(
            int port, String path, Map<String, String> form, String cookie)
            throws IOException, InterruptedException {
        String body =
                form.entrySet().stream()
                        .map(
                                e ->
                                        e.getKey()
                                                + "="
                                                + URLEncoder.encode(
                                                        e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
