package io.sparkads.common.web;

import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.Quotes;
import io.sparkads.common.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of the Business API keep TikTok's envelope: HTTP 200 with a non-zero {@code code} and a
 * message that says what is wrong, as TikTok's SDK expects.
 */
@RestControllerAdvice(annotations = BusinessApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BusinessApiErrors {
    private static final Logger log = LoggerFactory.getLogger(BusinessApiErrors.class);

    @ExceptionHandler(BusinessApiException.class)
    ResponseEntity<BusinessEnvelope> businessApi(BusinessApiException e) {
        return answer(e.code(), e.getMessage());
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<BusinessEnvelope> refusal(Refusal e) {
        return answer(e.kind().businessCode(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<BusinessEnvelope> unreadable(HttpMessageNotReadableException e) {
        return answer(BusinessApiException.PARAMETER, RequestBodyErrors.describe(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<BusinessEnvelope> missing(MissingServletRequestParameterException e) {
        return answer(BusinessApiException.PARAMETER, e.getParameterName() + " is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<BusinessEnvelope> mismatch(MethodArgumentTypeMismatchException e) {
        return answer(
                BusinessApiException.PARAMETER,
                e.getName() + " has an invalid value " + Quotes.of(e.getValue()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<BusinessEnvelope> multipart(MultipartException e) {
        return answer(BusinessApiException.PARAMETER, UploadErrors.describe(e));
    }

    @ExceptionHandler({
        HttpMediaTypeNotSupportedException.class,
        HttpRequestMethodNotSupportedException.class
    })
    ResponseEntity<BusinessEnvelope> wrongRequest(Exception e) {
        return answer(BusinessApiException.PARAMETER, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<BusinessEnvelope> unexpected(Exception e) {
        var refused = ClientMessages.storageRefusal(e);
        if (refused.isPresent()) {
            log.warn("Business API request refused by the database: {}", e.getMessage());
            return answer(BusinessApiException.PARAMETER, refused.get());
        }
        log.error("Business API request failed", e);
        return answer(
                BusinessApiException.SERVER, "Internal error; the request was not carried out");
    }

    private static ResponseEntity<BusinessEnvelope> answer(int code, String message) {
        return ResponseEntity.ok(BusinessEnvelope.error(code, ClientMessages.clean(message)));
    }
}
