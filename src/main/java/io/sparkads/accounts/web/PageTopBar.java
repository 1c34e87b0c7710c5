package io.sparkads.accounts.web;

import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import io.sparkads.accounts.SignedInUser;
import jakarta.servlet.RequestDispatcher;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the layout's top bar shows, as {@code ${@topBar.username()}}: read from the session rather
 * than from each page's model, so that error pages and partials show it too.
 */
@Component("topBar")
class PageTopBar {
    private final Advertisers advertisers;

    PageTopBar(Advertisers advertisers) {
        this.advertisers = advertisers;
    }

    public boolean signedIn() {
        return current().isPresent();
    }

    public String username() {
        return current().map(SignedInUser::getUsername).orElse(null);
    }

    /**
     * {@code ADVERTISER}, {@code CREATOR}, {@code REVIEWER} or {@code ADMIN}; empty if anonymous.
     */
    public String role() {
        return current().map(user -> user.user().role().name()).orElse("");
    }

    /** The ad account an advertiser acts for. */
    public String accountName() {
        return current()
                .map(SignedInUser::user)
                .filter(user -> user.advertiserId() != null)
                .flatMap(user -> advertisers.find(user.advertiserId()))
                .map(Advertiser::name)
                .orElse(null);
    }

    /**
     * The part of the product the current page belongs to, by its address: "Ads Manager", "Creator
     * Center" or "Review console"; null elsewhere (sign-in, errors outside a section).
     */
    public String section() {
        if (at("/ads")) {
            return "Ads Manager";
        }
        if (at("/creator")) {
            return "Creator Center";
        }
        if (at("/review")) {
            return "Review console";
        }
        return null;
    }

    /**
     * The page's title as the browser shows it, one rule for every page: "Page · Section · Spark
     * Ads", the section left out where the page is the section itself or belongs to none.
     */
    public String title(String page) {
        String section = section();
        StringBuilder title = new StringBuilder();
        if (page != null && !page.isBlank()) {
            title.append(page.strip()).append(" · ");
        }
        if (section != null && !section.equals(page)) {
            title.append(section).append(" · ");
        }
        return title.append("Spark Ads").toString();
    }

    /** Whether the current page is at or below {@code prefix}, to mark the active link. */
    public boolean at(String prefix) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return false;
        }
        // An error page, forwarded to /error, belongs where the address asked for was.
        Object failed = servlet.getRequest().getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path =
                failed instanceof String original ? original : servlet.getRequest().getRequestURI();
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Optional<SignedInUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Optional.of(user)
                : Optional.empty();
    }
}
