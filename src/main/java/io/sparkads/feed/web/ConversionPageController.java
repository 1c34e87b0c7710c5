package io.sparkads.feed.web;

import io.sparkads.feed.ConversionRelay;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference host app's backend endpoint for conversions on landing pages: the pixel posts here
 * from the advertiser's site (any origin, no cookies, as {@code text/plain} so the browser sends it
 * without a preflight), and the app reports it to the platform with its own token.
 */
@Hidden
@RestController
record ConversionPageController(ConversionRelay relay) {
    private static final Logger log = LoggerFactory.getLogger(ConversionPageController.class);

    @CrossOrigin(origins = "*")
    @PostMapping("/feed/conversions")
    ResponseEntity<Map<String, Object>> convert(
            @RequestBody(required = false) String body, HttpServletRequest request) {
        try {
            ConversionRelay.Conversion conversion = ConversionRelay.read(body);
            String platform = "http://127.0.0.1:" + request.getLocalPort() + "/platform/v1";
            ConversionRelay.Outcome outcome = relay.report(conversion, platform);
            return ResponseEntity.ok(
                    Map.of(
                            "counted", outcome.counted(),
                            "duplicate", outcome.duplicate(),
                            "message", outcome.message()));
        } catch (ConversionRelay.BadConversion e) {
            return ResponseEntity.badRequest()
                    .body(Map.of("counted", false, "message", e.getMessage()));
        } catch (IllegalStateException e) {
            log.warn("conversion not reported: {}", e.getMessage());
            return ResponseEntity.status(502)
                    .body(
                            Map.of(
                                    "counted",
                                    false,
                                    "message",
                                    "The conversion could not be reported now; send it again with the same event_id."));
        }
    }
}
