package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.RawHttp;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The smaller guards: pages carry a Content-Security-Policy and a SameSite session cookie, an
 * avatar is an https image or one of ours (never {@code javascript:} or {@code data:}), and the
 * default avatars load for anyone, cacheable, signed in or not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class WebHardeningIT {
    @LocalServerPort int port;
    ApiClient api;
    RawHttp raw;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        raw = new RawHttp(port);
    }

    @Test
    void theSignInPageCarriesAPolicyThatAllowsOnlyOurOwnScriptsAndASameSiteCookie() {
        var page = raw.send("GET", "/login", Map.of(), null);

        assertThat(page.status()).isEqualTo(200);
        String policy = page.header("content-security-policy");
        assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(page.header("set-cookie")).contains("SameSite=Lax").contains("HttpOnly");
    }

    @Test
    void anAvatarUrlMustBeHttpsOrOneOfOurMediaPaths() {
        for (String bad :
                new String[] {
                    "javascript:alert(1)",
                    "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
                    "http://cdn.example.com/a.png",
                    "/avatars/../admin",
                    "//evil.example/a.png"
                }) {
            var refused = createAccount(bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.body().path("detail").asString()).contains("avatar_url");
        }

        assertThat(createAccount("https://cdn.example.com/me.png").status()).isEqualTo(201);
        assertThat(createAccount("/avatars/someone.svg").status()).isEqualTo(201);
    }

    @Test
    void theDefaultAvatarLoadsForAnyoneAndMayBeCached() {
        String handle = "av" + ApiFixtures.unique().substring(0, 10);
        var created =
                api.platform(
                        "POST",
                        "/accounts",
                        Map.of(
                                "handle",
                                handle,
                                "display_name",
                                "<Zoë & Co>",
                                "account_type",
                                "CREATOR",
                                "region",
                                "US"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String avatar = "/avatars/" + handle + ".svg";

        var anonymous = raw.send("GET", avatar, Map.of(), null);

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.header("content-type")).startsWith("image/svg+xml");
        assertThat(anonymous.header("cache-control")).contains("public").contains("max-age");
        assertThat(anonymous.body()).startsWith("<svg").contains("&lt;Zoë &amp; Co&gt;");
        assertThat(anonymous.body()).doesNotContain("<Zoë");
        assertThat(raw.send("GET", "/avatars/nobody-has-this.svg", Map.of(), null).status())
                .isEqualTo(404);
    }

    @Test
    void theFaviconLoadsForAnyoneAsAnImageInBothForms() {
        var icon = raw.send("GET", "/favicon.ico", Map.of(), null);
        var svg = raw.send("GET", "/favicon.svg", Map.of(), null);

        assertThat(icon.status()).isEqualTo(200);
        assertThat(icon.header("content-type")).startsWith("image/");
        assertThat(icon.header("location")).isNull();
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("content-type")).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg");
    }

    @Test
    void staticFilesCarryThePageSecurityHeadersAndAnETagAndMayBeCached() {
        var script = raw.send("GET", "/js/app.js", Map.of(), null);

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("content-type")).startsWith("text/javascript");
        assertThat(script.header("content-security-policy"))
                .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(script.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(script.header("x-frame-options")).isEqualTo("DENY");
        assertThat(script.header("cache-control")).isEqualTo("public, max-age=600");
        assertThat(script.header("set-cookie")).as("no session for a file").isNull();
        String etag = script.header("etag");
        assertThat(etag).startsWith("\"");
        var again = raw.send("GET", "/js/app.js", Map.of("If-None-Match", etag), null);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        var webjar = raw.send("GET", "/webjars/htmx.org/dist/htmx.min.js", Map.of(), null);
        assertThat(webjar.status()).isEqualTo(200);
        assertThat(webjar.body()).contains("htmx");
        assertThat(raw.send("GET", "/css/app.css", Map.of(), null).header("content-type"))
                .startsWith("text/css");
    }

    @Test
    void aStaticPathThatIsNoFileOfOursIsAnswered404AndLeaksNothing() {
        for (String missing :
                new String[] {
                    "/js/nothing-here.js",
                    "/js/../application.yml",
                    "/js/%2e%2e/application.yml",
                    "/webjars/htmx.org/../../../../application.yml",
                    "/css"
                }) {
            var reply = raw.send("GET", missing, Map.of(), null);
            assertThat(reply.status()).as(missing).isIn(400, 404);
            assertThat(reply.body()).as(missing).doesNotContain("sparkads:");
        }
    }

    private ApiClient.Response createAccount(String avatarUrl) {
        return api.platform(
                "POST",
                "/accounts",
                Map.of(
                        "handle",
                        "a" + ApiFixtures.unique().substring(0, 12),
                        "display_name",
                        "Avatar test",
                        "account_type",
                        "CREATOR",
                        "region",
                        "US",
                        "avatar_url",
                        avatarUrl));
    }
}
