package io.sparkads.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place the client's address is decided: before any other filter, a request from a trusted
 * proxy ({@code sparkads.trusted-proxies}, env {@code SPARKADS_TRUSTED_PROXIES}; none by default)
 * has its {@code getRemoteAddr()} replaced by the client named in {@code X-Forwarded-For} (see
 * {@link TrustedProxies}). So every limit keyed by address (sign-in throttle, failed codes) and the
 * audit trail read the client, not the load balancer, and a client talking to the server directly
 * cannot choose its address with the header.
 */
@Configuration(proxyBeanMethods = false)
class ClientAddresses {
    static final String FORWARDED_FOR = "X-Forwarded-For";

    @Bean
    FilterRegistrationBean<ClientAddressFilter> clientAddressFilter(
            @Value("${sparkads.trusted-proxies:}") String trustedProxies) {
        var registration =
                new FilterRegistrationBean<>(
                        new ClientAddressFilter(TrustedProxies.parse(trustedProxies)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    static final class ClientAddressFilter extends OncePerRequestFilter {
        private final TrustedProxies proxies;

        ClientAddressFilter(TrustedProxies proxies) {
            this.proxies = proxies;
        }

        @Override
        protected void doFilterInternal(
                HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (proxies.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            List<String> forwardedFor = Collections.list(request.getHeaders(FORWARDED_FOR));
            String client = proxies.clientAddress(request.getRemoteAddr(), forwardedFor);
            if (client.equals(request.getRemoteAddr())) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        @Override
                        public String getRemoteAddr() {
                            return client;
                        }

                        @Override
                        public String getRemoteHost() {
                            return client;
                        }
                    },
                    response);
        }
    }
}
