package io.sparkads.common.web;

import io.sparkads.common.Quotes;
import io.sparkads.common.Refusal;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal that a page did not handle itself becomes an error page with the refusal's message, in
 * the layout and with the refusal's status; never a 500. Too many attempts answer 429 with a page
 * that says to wait and try again later.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebPageErrors {

    @ExceptionHandler(Refusal.class)
    ModelAndView refusal(Refusal refusal) {
        return page(HttpStatus.valueOf(refusal.kind().httpStatus()), refusal.getMessage());
    }

    @ExceptionHandler(TypeMismatchException.class)
    ModelAndView mismatch(TypeMismatchException e) {
        // A malformed id in a path names a page that does not exist.
        if (e instanceof MethodArgumentTypeMismatchException argument
                && argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return page(HttpStatus.NOT_FOUND, "There is no page at this address.");
        }
        return page(
                HttpStatus.BAD_REQUEST,
                e.getPropertyName() + " has an invalid value " + Quotes.of(e.getValue()));
    }

    @ExceptionHandler(MultipartException.class)
    ModelAndView multipart(MultipartException e) {
        return page(HttpStatus.BAD_REQUEST, UploadErrors.describe(e));
    }

    /** Malformed values that reached the database (SQLSTATE class 22) are the request's fault. */
    @ExceptionHandler(DataAccessException.class)
    ModelAndView storage(DataAccessException e) {
        return page(HttpStatus.BAD_REQUEST, ClientMessages.storageRefusal(e).orElseThrow(() -> e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, e.getParameterName() + " is required");
    }

    /** The one error page ({@code error.html}), in the words for the status. */
    static ModelAndView page(HttpStatus status, String message) {
        return new ModelAndView(
                "error",
                Map.of(
                        "status", status.value(),
                        "error", status.getReasonPhrase(),
                        "message", ClientMessages.clean(message),
                        "page", ErrorPages.of(status.value())),
                status);
    }
}
