package io.sparkads.common.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem detail, wherever it was made, as it is written: the detail cleaned like any message
 * and an address of a few thousand characters not echoed back as its {@code instance}.
 */
@RestControllerAdvice
class ProblemDetailLimits implements ResponseBodyAdvice<Object> {
    static final int MAX_INSTANCE = 200;

    @Override
    public boolean supports(
            MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getDetail() != null) {
                problem.setDetail(ClientMessages.clean(problem.getDetail()));
            }
            if (problem.getInstance() != null
                    && problem.getInstance().toString().length() > MAX_INSTANCE) {
                problem.setInstance(null);
            }
        }
        return body;
    }
}
