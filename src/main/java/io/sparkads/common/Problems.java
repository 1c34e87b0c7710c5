package io.sparkads.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Problem details (RFC 9457) for the platform and admin APIs, with a message a person can act on.
 */
public final class Problems {
    private Problems() {}

    public static ErrorResponseException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, detail);
    }

    public static ErrorResponseException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, detail);
    }

    public static ErrorResponseException conflict(String detail) {
        return of(HttpStatus.CONFLICT, detail);
    }

    public static ErrorResponseException unauthorized(String detail) {
        return of(HttpStatus.UNAUTHORIZED, detail);
    }

    public static ErrorResponseException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, detail);
    }

    public static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(
                status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
