package io.sparkads.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A platform API request that reached no controller because of its method: answered with the
 * problem detail the lean listener gives, not with Spring Boot's error map. {@link ProblemErrors}
 * cannot see it, being bound to controllers and there being none; a page's wrong method goes on to
 * the error page as before.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnroutedPlatformErrors {
    private static final String PLATFORM = "/platform/";

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(
            HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        String path = request.getRequestURI();
        if (!path.startsWith(PLATFORM)) {
            throw e; // the next resolver sends the status to the error page
        }
        return ResponseEntity.status(e.getStatusCode())
                .headers(e.getHeaders())
                .body(PlatformProblems.of(e, path));
    }
}
