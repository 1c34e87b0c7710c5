package io.sparkads.accounts.internal;

import io.sparkads.accounts.AccessTokens;
import io.sparkads.accounts.SignedInUser;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.MediaViewer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves who fetches an uploaded video: the ad account of a signed-in advertiser user, and those
 * of a valid Business API {@code Access-Token}. Neither is required (a published video plays for
 * anyone with its URL), so a missing or wrong token is simply no ad account.
 */
@Configuration(proxyBeanMethods = false)
class MediaViewers implements WebMvcConfigurer {
    private final AccessTokens tokens;

    MediaViewers(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new Resolver());
    }

    private final class Resolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == MediaViewer.class;
        }

        @Override
        public Object resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mavContainer,
                NativeWebRequest webRequest,
                WebDataBinderFactory binderFactory) {
            Set<Long> advertisers = new HashSet<>();
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (signedIn != null
                    && signedIn.getPrincipal() instanceof SignedInUser user
                    && user.user().advertiserId() != null) {
                advertisers.add(user.user().advertiserId());
            }
            String token = webRequest.getHeader("Access-Token");
            if (token != null && !token.isBlank()) {
                tokens.resolveBusiness(token.trim())
                        .map(BusinessCaller::advertiserIds)
                        .ifPresent(advertisers::addAll);
            }
            return advertisers.isEmpty() ? MediaViewer.ANONYMOUS : new MediaViewer(advertisers);
        }
    }
}
