package io.sparkads.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of the web UI: the content security policy its pages run under, and the
 * headers Spring Security adds by default, written here for the responses answered before Spring
 * Security's filters ({@link StaticFiles}).
 */
public final class SecurityHeaders {
    /**
     * Pages run only our own scripts and styles, from files (no inline script or style, no eval);
     * images may come from https, where avatars and posters live.
     */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:;"
                    + " media-src 'self' https:; connect-src 'self'; font-src 'self';"
                    + " object-src 'none'; base-uri 'self'; form-action 'self';"
                    + " frame-ancestors 'none'";

    private SecurityHeaders() {}

    /** The headers Spring Security's web chain writes, but for caching, which is the caller's. */
    static void write(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
    }
}
