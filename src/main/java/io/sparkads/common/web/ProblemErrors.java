package io.sparkads.common.web;

import io.sparkads.common.Quotes;
import io.sparkads.common.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Problem details (RFC 9457) for the platform and admin APIs, never a 500 for bad input. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemErrors extends ResponseEntityExceptionHandler {
    @ExceptionHandler(Refusal.class)
    ProblemDetail refusal(Refusal e) {
        return PlatformProblems.refusal(e);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                ClientMessages.clean(
                        e.getName() + " has an invalid value " + Quotes.of(e.getValue())));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, UploadErrors.describe(e));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        return PlatformProblems.unexpected(e);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest()
                .body(
                        ProblemDetail.forStatusAndDetail(
                                HttpStatus.BAD_REQUEST, RequestBodyErrors.describe(ex)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String detail =
                ex.getBindingResult().getFieldErrors().stream()
                        .map(
                                error ->
                                        toSnakeCase(error.getField())
                                                + " "
                                                + error.getDefaultMessage())
                        .sorted()
                        .reduce((a, b) -> a + "; " + b)
                        .orElse("The request is invalid");
        return ResponseEntity.badRequest()
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
    }

    /** Spring's own problem details (wrong method, missing parameter, …) get the same care. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getDetail() != null) {
            problem.setDetail(ClientMessages.clean(problem.getDetail()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    static String toSnakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
