package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.ApiFixtures.CreatorPost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * A server behind a load balancer on this machine (the test connects over loopback, which is
 * configured as the trusted proxy): what the trail records, and so what any address-keyed limit
 * reads, is the client the balancer names, the rightmost untrusted hop.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sparkads.trusted-proxies=127.0.0.0/8, ::1")
@ActiveProfiles("it")
class ClientAddressIT {
    @LocalServerPort int port;

    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void behindATrustedProxyTheTrailRecordsTheForwardedClientNotTheProxy() {
        CreatorPost post = given.givenPublicPost();

        var issued =
                api.send(
                        "POST",
                        "/platform/v1/posts/" + post.itemId() + "/ad_authorization",
                        Map.of("days", 30),
                        Map.of(
                                "Authorization",
                                "Bearer " + ApiClient.PLATFORM_TOKEN,
                                "X-Forwarded-For",
                                "198.51.100.23, 203.0.113.55"));

        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        assertThat(addresses("/posts/" + post.itemId() + "/audit"))
                .contains("203.0.113.55")
                .doesNotContain("198.51.100.23");
    }

    @Test
    void withoutTheHeaderTheProxyItselfIsTheClient() {
        CreatorPost post = given.givenPublicPost();

        given.givenCode(post);

        assertThat(addresses("/posts/" + post.itemId() + "/audit"))
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
    }

    private List<String> addresses(String path) {
        List<String> found = new ArrayList<>();
        JsonNode entries = api.platform("GET", path, null).body().path("entries");
        entries.forEach(e -> found.add(e.path("client_address").asString()));
        return found;
    }
}
