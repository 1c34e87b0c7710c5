package io.sparkads.accounts.internal;

import io.sparkads.accounts.AccessTokens;
import io.sparkads.accounts.Role;
import io.sparkads.accounts.SignedInUser;
import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.MediaViewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks the token of every machine API call before the controller runs: {@code Access-Token} for
 * the Business API (resolved to a {@link BusinessCaller}), {@code Authorization: Bearer} for the
 * platform and admin APIs; and resolves who fetches an uploaded video from the same token.
 */
@Configuration(proxyBeanMethods = false)
record ApiTokens(AccessTokens tokens) implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new BearerCheck(AccessTokens.Kind.PLATFORM))
                .addPathPatterns("/platform/**");
        registry.addInterceptor(new BearerCheck(AccessTokens.Kind.ADMIN))
                .addPathPatterns("/admin/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerResolver());
    }

    private final class BearerCheck implements HandlerInterceptor {
        private final AccessTokens.Kind kind;

        BearerCheck(AccessTokens.Kind kind) {
            this.kind = kind;
        }

        @Override
        public boolean preHandle(
                HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod)) {
                return true;
            }
            tokens.requireBearer(kind, request.getHeader("Authorization"));
            return true;
        }
    }

    /**
     * Resolves who calls: the Business API's caller from its required {@code Access-Token}, and who
     * fetches an uploaded video ({@link MediaViewer}): the ad account of a signed-in advertiser
     * user (every one for a signed-in reviewer), and those of a valid {@code Access-Token}. Neither
     * is required for a video (a published one plays for anyone with its URL), so a missing or
     * wrong token is simply no ad account.
     */
    private final class CallerResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == MediaViewer.class
                    || parameter.getParameterType() == BusinessCaller.class
                            && parameter
                                    .getContainingClass()
                                    .isAnnotationPresent(BusinessApi.class);
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            String header = webRequest.getHeader("Access-Token");
            String token = header == null || header.isBlank() ? null : header.trim();
            if (parameter.getParameterType() == MediaViewer.class) {
                return mediaViewer(token);
            }
            if (token == null) {
                throw BusinessApiException.auth("Access-Token header is missing");
            }
            return tokens.resolveBusiness(token)
                    .orElseThrow(
                            () -> BusinessApiException.auth("Access-Token is invalid or revoked"));
        }

        private MediaViewer mediaViewer(String token) {
            Set<Long> advertisers = new HashSet<>();
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (signedIn != null && signedIn.getPrincipal() instanceof SignedInUser user) {
                if (user.user().role() == Role.REVIEWER || user.user().role() == Role.ADMIN) {
                    return MediaViewer.REVIEWER; // they see what they are asked to approve
                }
                if (user.user().advertiserId() != null) {
                    advertisers.add(user.user().advertiserId());
                }
            }
            if (token != null) {
                tokens.resolveBusiness(token)
                        .map(BusinessCaller::advertiserIds)
                        .ifPresent(advertisers::addAll);
            }
            return advertisers.isEmpty() ? MediaViewer.ANONYMOUS : new MediaViewer(advertisers);
        }
    }
}
