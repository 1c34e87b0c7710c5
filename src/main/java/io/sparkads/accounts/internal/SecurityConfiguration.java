package io.sparkads.accounts.internal;

import io.sparkads.accounts.AccessTokens;
import io.sparkads.accounts.Role;
import io.sparkads.common.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two ways in. The machine APIs (Business, platform, admin) carry tokens that {@link ApiTokens}
 * checks per request and answer in their own error shapes, so Spring Security lets them through
 * stateless and without CSRF. The web UI signs people in with a form and a session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    @Bean
    @Order(1)
    SecurityFilterChain apis(HttpSecurity http, AccessTokens tokens) throws Exception {
        ActuatorAccess actuator = new ActuatorAccess(tokens);
        http.securityMatcher(
                        "/open_api/**",
                        "/platform/**",
                        "/admin/**",
                        "/actuator/**",
                        "/v3/api-docs/**")
                // The APIs check their own tokens (ApiTokens); the actuator is open for health
                // probes only, and its operator endpoints (metrics) take the admin token.
                .authorizeHttpRequests(
                        auth ->
                                auth.requestMatchers(
                                                "/actuator",
                                                "/actuator/health",
                                                "/actuator/health/**",
                                                "/actuator/info")
                                        .permitAll()
                                        .requestMatchers("/actuator/**")
                                        .access(actuator)
                                        .anyRequest()
                                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(actuator))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, SignInThrottle throttle) throws Exception {
        SignInThrottleFilter throttled = new SignInThrottleFilter(throttle);
        http.addFilterBefore(throttled, UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(
                        auth ->
                                auth.requestMatchers(
                                                "/login",
                                                "/css/**",
                                                "/js/**",
                                                "/webjars/**",
                                                "/favicon.ico",
                                                "/favicon.svg",
                                                "/error",
                                                "/swagger-ui/**",
                                                "/swagger-ui.html",
                                                "/videos/**",
                                                "/avatars/**",
                                                "/feed/conversions")
                                        .permitAll()
                                        .requestMatchers("/ads/**")
                                        .hasRole(Role.ADVERTISER.name())
                                        .requestMatchers("/creator/**")
                                        .hasRole(Role.CREATOR.name())
                                        .requestMatchers("/review/**")
                                        .hasAnyRole(Role.REVIEWER.name(), Role.ADMIN.name())
                                        .requestMatchers("/operations/**")
                                        .hasRole(Role.ADMIN.name())
                                        .anyRequest()
                                        .authenticated())
                .formLogin(
                        form ->
                                form.loginPage("/login")
                                        .successHandler(throttled.onSuccess(new HomeBySignIn()))
                                        .failureHandler(throttled.onFailure())
                                        .permitAll())
                // The reference feed's conversions come from landing pages on other sites, with no
                // session: nothing a forged request could act on.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/feed/conversions"))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                .headers(
                        headers ->
                                headers.contentSecurityPolicy(
                                        csp ->
                                                csp.policyDirectives(
                                                        SecurityHeaders.CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
