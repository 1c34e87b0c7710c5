package io.sparkads.common.web;

import io.sparkads.common.Quotes;
import io.sparkads.common.Refusal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query and form parameters that cannot be read (bad percent-encoding such as {@code %ZZ}) or hold
 * a NUL character are refused before any controller sees them, with a 400 in the API's own shape (a
 * {@link Refusal} that each API's advice answers). A filter reads them first, so that no other
 * filter trips over them, and leaves a note; an interceptor turns the note into the refusal once
 * the handler, and so the API, is known. Multipart bodies are read lazily, inside the handler's
 * reach, so a malformed upload is answered in the API's shape too.
 *
 * <p>Also: {@code /error} requested directly (not as the error page of a failed request) is a page
 * that does not exist, not a 500.
 */
@Configuration(proxyBeanMethods = false)
class RequestParameterChecks implements WebMvcConfigurer {
    static final String PROBLEM = RequestParameterChecks.class.getName() + ".problem";
    static final String BAD_ENCODING =
            "The query string or form is not correctly percent-encoded (such as '%ZZ'): write '%'"
                    + " itself as %25";

    @Bean
    FilterRegistrationBean<ParameterFilter> parameterFilter() {
        var registration = new FilterRegistrationBean<>(new ParameterFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterRefusal()).order(Ordered.HIGHEST_PRECEDENCE);
    }

    static final class ParameterFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(
                HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("/error".equals(request.getRequestURI())) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            if (isMultipart(request)) {
                chain.doFilter(request, response);
                return;
            }
            String problem;
            try {
                problem = problemWith(request.getParameterMap());
            } catch (IllegalStateException unreadable) {
                problem = BAD_ENCODING;
            }
            if (problem == null) {
                chain.doFilter(request, response);
                return;
            }
            request.setAttribute(PROBLEM, problem);
            chain.doFilter(new WithoutParameters(request), response);
        }

        private static boolean isMultipart(HttpServletRequest request) {
            String type = request.getContentType();
            return type != null
                    && type.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        }
    }

    static final class ParameterRefusal implements HandlerInterceptor {
        @Override
        public boolean preHandle(
                HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod)) {
                return true;
            }
            Object problem = request.getAttribute(PROBLEM);
            if (problem == null && request instanceof MultipartHttpServletRequest multipart) {
                // Reading the parts here (they are resolved lazily) puts a broken upload's
                // MultipartException within reach of the API's error advice.
                try {
                    problem = problemWith(multipart.getParameterMap());
                } catch (IllegalStateException unreadable) {
                    problem = BAD_ENCODING;
                }
                for (MultipartFile file : multipart.getFileMap().values()) {
                    String name = file.getOriginalFilename();
                    if (TextInputConfiguration.holdsNul(name)) {
                        problem =
                                "The file name of '"
                                        + file.getName()
                                        + "' must not contain the NUL character (\\u0000)";
                    }
                }
            }
            if (problem != null) {
                throw Refusal.invalid(problem.toString());
            }
            return true;
        }
    }

    /** What is wrong with the parameters, or null when nothing is. */
    static String problemWith(Map<String, String[]> parameters) {
        for (var parameter : parameters.entrySet()) {
            if (TextInputConfiguration.holdsNul(parameter.getKey())) {
                return "A parameter name must not contain the NUL character (\\u0000): "
                        + Quotes.of(parameter.getKey());
            }
            for (String value : parameter.getValue()) {
                if (TextInputConfiguration.holdsNul(value)) {
                    return "Parameter "
                            + Quotes.of(parameter.getKey())
                            + " must not contain the NUL character (\\u0000)";
                }
            }
        }
        return null;
    }

    /** The request with its unreadable parameters left out, so no later filter fails on them. */
    private static final class WithoutParameters extends HttpServletRequestWrapper {
        WithoutParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
    }
}
