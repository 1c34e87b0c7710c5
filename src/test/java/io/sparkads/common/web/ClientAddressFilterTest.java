package io.sparkads.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.common.web.ClientAddresses.ClientAddressFilter;
import jakarta.servlet.ServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientAddressFilterTest {
    private final ClientAddressFilter filter =
            new ClientAddressFilter(TrustedProxies.parse("10.0.0.0/8"));

    @Test
    void aRequestFromATrustedProxyReadsAsTheForwardedClientDownstream() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr("10.1.2.3");
        request.addHeader("X-Forwarded-For", "203.0.113.9");

        assertThat(seenBy(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedClientChangesNothing() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr("198.51.100.4");
        request.addHeader("X-Forwarded-For", "10.0.0.1");
        request.addHeader("X-Forwarded-For", "203.0.113.9");

        assertThat(seenBy(request)).isEqualTo("198.51.100.4");
    }

    @Test
    void withNoTrustedProxiesConfiguredTheSocketAddressIsKept() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr("10.1.2.3");
        request.addHeader("X-Forwarded-For", "203.0.113.9");

        AtomicReference<String> seen = new AtomicReference<>();
        new ClientAddressFilter(TrustedProxies.NONE)
                .doFilter(
                        request,
                        new MockHttpServletResponse(),
                        (req, res) -> seen.set(req.getRemoteAddr()));

        assertThat(seen).hasValue("10.1.2.3");
    }

    private String seenBy(MockHttpServletRequest request) throws Exception {
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set(req));
        return seen.get().getRemoteAddr();
    }
}
