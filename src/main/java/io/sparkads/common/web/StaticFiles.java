package io.sparkads.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.webjars.WebJarVersionLocator;

/**
 * The web UI's static files ({@code /css/**}, {@code /js/**}, {@code /webjars/**}, {@code
 * /favicon.*}) answered by the first filter, from memory, before the session, security and metrics
 * filters and the MVC handler mapping (which would try every request mapping first): see
 * docs/benchmarks.md, "Static files before MVC". They carry the security headers the web chain
 * gives its pages, an ETag (a conditional request gets a 304) and may be cached for {@value
 * #MAX_AGE_SECONDS} seconds. Any other request, a method other than GET and HEAD, a path that is
 * not plain ({@code ..}, {@code %}, {@code //}) or a file that does not exist goes on down the
 * chain as before, so errors keep their pages.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles {

    /** Files are not fingerprinted, so a change reaches browsers within this many seconds. */
    static final int MAX_AGE_SECONDS = 600;

    @Bean
    FilterRegistrationBean<StaticFileFilter> staticFileFilter() {
        var registration = new FilterRegistrationBean<>(new StaticFileFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns(
                "/css/*", "/js/*", "/webjars/*", "/favicon.ico", "/favicon.svg");
        return registration;
    }

    /** A file read once: its bytes and the headers that describe them. */
    private record StaticFile(byte[] bytes, String contentType, String etag) {}

    static final class StaticFileFilter extends OncePerRequestFilter {
        private static final String WEBJARS = "/webjars/";
        private static final String CACHE_CONTROL = "public, max-age=" + MAX_AGE_SECONDS;

        private final Map<String, StaticFile> files = new ConcurrentHashMap<>();
        private final WebJarVersionLocator webJars = new WebJarVersionLocator();

        @Override
        protected void doFilterInternal(
                HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String method = request.getMethod();
            String path = request.getRequestURI();
            boolean head = "HEAD".equals(method);
            StaticFile file = (head || "GET".equals(method)) && isPlain(path) ? file(path) : null;
            if (file == null) {
                chain.doFilter(request, response);
                return;
            }
            SecurityHeaders.write(request, response);
            response.setHeader("Cache-Control", CACHE_CONTROL);
            response.setHeader("ETag", file.etag());
            if (file.etag().equals(request.getHeader("If-None-Match"))) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setContentType(file.contentType());
            response.setContentLength(file.bytes().length);
            if (!head) {
                response.getOutputStream().write(file.bytes());
            }
        }

        private static boolean isPlain(String path) {
            return !path.contains("..")
                    && !path.contains("%")
                    && !path.contains("//")
                    && !path.contains("\\")
                    && path.lastIndexOf('.') > path.lastIndexOf('/'); // a file, not a folder
        }

        /** The file, or {@code null} when there is none (not remembered: paths are endless). */
        private StaticFile file(String path) throws IOException {
            StaticFile known = files.get(path);
            if (known != null) {
                return known;
            }
            String location = location(path);
            URL url = location == null ? null : getClass().getClassLoader().getResource(location);
            if (url == null || url.getPath().endsWith("/")) {
                return null;
            }
            byte[] bytes;
            try (InputStream in = url.openStream()) {
                bytes = in.readAllBytes();
            }
            String contentType =
                    MediaTypeFactory.getMediaType(path)
                            .map(Object::toString)
                            .orElse("application/octet-stream");
            StaticFile file = new StaticFile(bytes, contentType, etag(bytes));
            files.put(path, file);
            return file;
        }

        /**
         * Where on the class path the file lives: static/, or a webjar, named with or without its
         * version.
         */
        private String location(String path) {
            if (!path.startsWith(WEBJARS)) {
                return "static" + path;
            }
            String rest = path.substring(WEBJARS.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                return null;
            }
            String versionless =
                    webJars.fullPath(rest.substring(0, slash), rest.substring(slash + 1));
            return versionless != null
                    ? versionless
                    : WebJarVersionLocator.WEBJARS_PATH_PREFIX + "/" + rest;
        }

        private static String etag(byte[] bytes) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
