package io.sparkads.accounts.internal;

import io.sparkads.accounts.AccessTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The operator endpoints of the actuator (metrics for Prometheus) take the admin API's token, sent
 * the same way ({@code Authorization: Bearer}); health stays open for load balancers. A refusal is
 * a 401 in problem details, saying which token to send.
 */
record ActuatorAccess(AccessTokens tokens)
        implements AuthorizationManager<RequestAuthorizationContext>, AuthenticationEntryPoint {

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        String token = bearer(context.getRequest());
        return new AuthorizationDecision(
                token != null && tokens.accepts(AccessTokens.Kind.ADMIN, token));
    }

    @Override
    public void commence(
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException refused)
            throws IOException {
        String detail =
                bearer(request) == null
                        ? "Send the admin token as 'Authorization: Bearer <token>'"
                        : "The bearer token is not a valid admin token";
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(
                        "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                                + "\"detail\":\""
                                + detail
                                + "\"}");
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
