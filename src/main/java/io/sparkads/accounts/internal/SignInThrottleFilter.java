package io.sparkads.accounts.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link SignInThrottle} around the sign-in form: a sign-in that must wait goes back to the
 * form with how long, before its password is checked; failures and successes are counted.
 */
class SignInThrottleFilter extends OncePerRequestFilter {
    private final SignInThrottle throttle;

    SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait =
                throttle.waitBefore(request.getParameter("username"), request.getRemoteAddr());
        if (wait.isPresent()) {
            backToForm(request, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    AuthenticationFailureHandler onFailure() {
        return (HttpServletRequest request,
                HttpServletResponse response,
                AuthenticationException failure) -> {
            Optional<Duration> wait =
                    throttle.failed(request.getParameter("username"), request.getRemoteAddr());
            if (wait.isPresent()) {
                backToForm(request, response, wait.get());
            } else {
                response.sendRedirect(request.getContextPath() + "/login?error");
            }
        };
    }

    AuthenticationSuccessHandler onSuccess(AuthenticationSuccessHandler next) {
        return (HttpServletRequest request,
                HttpServletResponse response,
                Authentication authentication) -> {
            throttle.succeeded(authentication.getName(), request.getRemoteAddr());
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static void backToForm(
            HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
    }
}
