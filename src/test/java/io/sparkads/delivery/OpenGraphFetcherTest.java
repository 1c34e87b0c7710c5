package io.sparkads.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Landing pages served by a local HTTP server: what is read, and the plain card when not. */
class OpenGraphFetcherTest {
    static final String PAGE =
            """
            <!doctype html><html><head>
            <title>Ignored when og:title is there</title>
            <meta property="og:title" content="Linen shirts &amp; more">
            <meta content='Breathable linen, 30% off this week' property='og:description'>
            <meta property="og:image" content="/img/linen.jpg">
            </head><body>…</body></html>
            """;

    HttpServer server;
    String base;
    final AtomicInteger requests = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    OpenGraphFetcher fetcher;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/page", ex -> answer(ex, 200, "text/html; charset=utf-8", PAGE));
        server.createContext(
                "/titled",
                ex ->
                        answer(
                                ex,
                                200,
                                "text/html",
                                "<html><head><title> Plain\n title </title></head></html>"));
        server.createContext(
                "/huge", ex -> answer(ex, 200, "text/html", "<p>x</p>".repeat(80_000)));
        server.createContext(
                "/slow",
                ex -> {
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(ex, 200, "text/html", PAGE);
                });
        server.createContext("/json", ex -> answer(ex, 200, "application/json", "{}"));
        server.createContext("/to-page", ex -> redirect(ex, "/page"));
        server.createContext("/to-file", ex -> redirect(ex, "file:///etc/passwd"));
        server.createContext("/loop", ex -> redirect(ex, "/loop"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        // Generous: the first request of a JVM loads the HTTP client, slow on a busy machine.
        fetcher = fetcher(true, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        release.countDown();
        fetcher.close();
        server.stop(0);
    }

    private OpenGraphFetcher fetcher(boolean allowPrivate, Duration timeout) {
        return new OpenGraphFetcher(
                new OpenGraphFetcher.Settings(
                        timeout,
                        512 * 1024,
                        allowPrivate,
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(1),
                        100),
                Clock.systemUTC());
    }

    private void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        requests.incrementAndGet();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void redirect(HttpExchange ex, String location) throws IOException {
        requests.incrementAndGet();
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    @Test
    void readsTitleDescriptionAndImageResolvedAgainstThePage() {
        OpenGraphCard card = fetcher.card(base + "/page");

        assertThat(card.fetched()).isTrue();
        assertThat(card.title()).isEqualTo("Linen shirts & more");
        assertThat(card.description()).isEqualTo("Breathable linen, 30% off this week");
        assertThat(card.imageUrl()).isEqualTo(base + "/img/linen.jpg");
        assertThat(card.url()).isEqualTo(base + "/page");
    }

    @Test
    void withoutOpenGraphTagsThePageTitleIsTheCardTitle() {
        OpenGraphCard card = fetcher.card(base + "/titled");

        assertThat(card.fetched()).isTrue();
        assertThat(card.title()).isEqualTo("Plain title");
        assertThat(card.description()).isNull();
        assertThat(card.imageUrl()).isNull();
    }

    @Test
    void aRedirectToAnotherHttpPageIsFollowedAndTheCardKeepsTheAdsUrl() {
        OpenGraphCard card = fetcher.card(base + "/to-page");

        assertThat(card.fetched()).isTrue();
        assertThat(card.title()).isEqualTo("Linen shirts & more");
        assertThat(card.url()).isEqualTo(base + "/to-page");
    }

    @Test
    void aRedirectToAFileOrARedirectLoopGivesThePlainCard() {
        assertThat(fetcher.card(base + "/to-file").fetched()).isFalse();
        assertThat(fetcher.card(base + "/loop").fetched()).isFalse();
        assertThat(requests.get()).as("one request to each, four around the loop").isEqualTo(5);
    }

    @Test
    void anUnreachablePageGivesAPlainCardTitledWithTheHost() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/gone";

        OpenGraphCard card = fetcher.card(url);

        assertThat(card).isEqualTo(new OpenGraphCard(url, "127.0.0.1", null, null, false));
    }

    @Test
    void aPageThatDoesNotAnswerInTimeGivesThePlainCard() {
        try (OpenGraphFetcher quick = fetcher(true, Duration.ofMillis(300))) {
            OpenGraphCard card = quick.card(base + "/slow");

            assertThat(card.fetched()).isFalse();
            assertThat(card.title()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void aPageLargerThanTheLimitIsNotReadAndNotAnHtmlPageEither() {
        assertThat(fetcher.card(base + "/huge").fetched()).isFalse();
        assertThat(fetcher.card(base + "/json").fetched()).isFalse();
    }

    @Test
    void onlyHttpAndHttpsAreRead() {
        assertThat(fetcher.card("file:///etc/passwd").fetched()).isFalse();
        assertThat(fetcher.card("ftp://127.0.0.1/page").fetched()).isFalse();
        assertThat(fetcher.card("not a url").fetched()).isFalse();
    }

    @Test
    void pagesOnThisMachineAreNotReadUnlessAllowed() {
        try (OpenGraphFetcher guarded = fetcher(false, Duration.ofSeconds(2))) {
            OpenGraphCard card = guarded.card(base + "/page");

            assertThat(card.fetched()).isFalse();
            assertThat(requests.get()).as("never asked").isZero();
        }
    }

    @Test
    void privateAndMetadataAddressesCountAsPrivate() throws IOException {
        for (String address :
                new String[] {
                    "127.0.0.1",
                    "10.1.2.3",
                    "192.168.0.1",
                    "172.16.0.1",
                    "169.254.169.254",
                    "100.64.0.1",
                    "::1",
                    "fd00::1",
                    "0.0.0.0"
                }) {
            assertThat(OpenGraphFetcher.isPrivate(InetAddress.getByName(address)))
                    .as(address)
                    .isTrue();
        }
        assertThat(OpenGraphFetcher.isPrivate(InetAddress.getByName("93.184.215.14"))).isFalse();
        assertThat(OpenGraphFetcher.isPrivate(InetAddress.getByName("2606:4700::1"))).isFalse();
    }

    @Test
    void aCardIsReadOnceAndThenServedFromTheCache() {
        fetcher.card(base + "/page");
        OpenGraphCard again = fetcher.card(base + "/page");

        assertThat(again.title()).isEqualTo("Linen shirts & more");
        assertThat(requests.get()).isEqualTo(1);
    }
}
