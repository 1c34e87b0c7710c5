package io.sparkads.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the one error page ({@code templates/error.html}) says for a status, in the model as {@code
 * page}: the statuses people meet (403, 404, 429) have their own words, any other client error asks
 * to check the input, and a server error says the fault is ours. Spring Boot's errors reach the
 * page through this resolver, a page's refusals through {@link WebPageErrors}. (The words travel in
 * the model because Thymeleaf refuses bean references in the layout call of {@code th:replace}.)
 */
@Component
class ErrorPages implements ErrorViewResolver {

    /**
     * The words of an error page.
     *
     * @param code the status shown when the model has none
     * @param tone an extra class of the page's card
     */
    record ErrorPage(int code, String title, String heading, String explanation, String tone) {}

    static final ErrorPage FORBIDDEN =
            new ErrorPage(
                    403,
                    "No access",
                    "You don't have access to this page",
                    "It belongs to another part of Spark Ads. Sign in with an account that has"
                            + " access, or go back to your home page.",
                    "");
    static final ErrorPage NOT_FOUND =
            new ErrorPage(
                    404,
                    "Not found",
                    "This page does not exist",
                    "The address may be mistyped, or what it pointed to was removed.",
                    "");
    static final ErrorPage TOO_MANY_REQUESTS =
            new ErrorPage(
                    429,
                    "Too many attempts",
                    "Too many attempts",
                    "To keep authorization codes safe from guessing, Spark Ads pauses attempts"
                            + " after too many invalid ones. Nothing was changed. Wait a few"
                            + " minutes, then try again.",
                    "too-many");
    static final ErrorPage CLIENT_ERROR =
            new ErrorPage(
                    400,
                    "Request not understood",
                    "This request could not be carried out",
                    "Check what you entered and try again.",
                    "");
    static final ErrorPage SERVER_ERROR =
            new ErrorPage(
                    500,
                    "Something went wrong",
                    "Something went wrong on our side",
                    "The request was not carried out. Try again in a moment; if it keeps"
                            + " happening, tell your administrator.",
                    "");

    @Override
    public ModelAndView resolveErrorView(
            HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> withWords = new HashMap<>(model);
        withWords.put("page", of(status.value()));
        return new ModelAndView("error", withWords, status);
    }

    static ErrorPage of(Object status) {
        int code = status instanceof Number number ? number.intValue() : 500;
        return switch (code) {
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 429 -> TOO_MANY_REQUESTS;
            default -> code >= 400 && code < 500 ? CLIENT_ERROR : SERVER_ERROR;
        };
    }
}
