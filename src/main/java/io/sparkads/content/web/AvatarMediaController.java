package io.sparkads.content.web;

import io.sparkads.common.Problems;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The default avatar of an account without one of its own ({@code /avatars/<handle>.svg}, as ad
 * responses name it): the initial on a colour of its own. Public and cacheable, since the host app
 * shows it to every viewer without a sign-in.
 */
@RestController
record AvatarMediaController(AppAccounts accounts) {
    private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");
    private static final String[] COLOURS = {
        "#fe2c55", "#25a18e", "#5b5bd6", "#e8833a", "#0f7bbf", "#8e44ad", "#2f9e44", "#c2255c"
    };

    @GetMapping("/avatars/{handle}.svg")
    ResponseEntity<String> avatar(@PathVariable String handle) {
        AppAccount account =
                accounts.findByHandle(handle)
                        .orElseThrow(() -> Problems.notFound("No avatar for this handle"));
        String name = account.displayName().isBlank() ? account.handle() : account.displayName();
        String initial = new String(Character.toChars(name.strip().codePointAt(0))).toUpperCase();
        String colour = COLOURS[Math.floorMod(account.handle().hashCode(), COLOURS.length)];
        String svg =
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"96\" height=\"96\""
                        + " viewBox=\"0 0 96 96\" role=\"img\" aria-label=\""
                        + xml(name)
                        + "\"><circle cx=\"48\" cy=\"48\" r=\"48\" fill=\""
                        + colour
                        + "\"/><text x=\"48\" y=\"48\" dy=\".35em\" text-anchor=\"middle\""
                        + " font-family=\"sans-serif\" font-size=\"44\" fill=\"#ffffff\">"
                        + xml(initial)
                        + "</text></svg>";
        return ResponseEntity.ok()
                .contentType(SVG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .header("Content-Security-Policy", "default-src 'none'")
                .header("Access-Control-Allow-Origin", "*")
                .body(svg);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
