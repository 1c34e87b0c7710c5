package io.sparkads.authorization.web;

import io.sparkads.authorization.Actor;
import io.sparkads.authorization.AuthorizationRequests;
import io.sparkads.authorization.CodeApplications;
import io.sparkads.authorization.CreativeLibrary;
import io.sparkads.authorization.ExtensionRequest;
import io.sparkads.authorization.ExtensionRequests;
import io.sparkads.authorization.LibraryFilter;
import io.sparkads.authorization.LibrarySort;
import io.sparkads.authorization.Ranking;
import io.sparkads.authorization.Recommendation;
import io.sparkads.authorization.Recommendations;
import io.sparkads.authorization.SparkCodeStatus;
import io.sparkads.authorization.SparkPost;
import io.sparkads.common.Ids;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ads Manager › Tools › Creative library › Spark Ad posts: the ad account's authorized posts, found
 * by keyword and status, and applying a creator's authorization code, previewed before it binds.
 * Posts whose authorization ends within a week carry a badge and a way to ask the creator for more
 * time; expired and revoked posts can be unbound.
 *
 * <p>The ad account comes from the signed-in user by expression, so this module need not depend on
 * the accounts module that owns the user type. Too many invalid codes are not a message in the code
 * panel but the "too many attempts" page with status 429.
 */
@WebPage
@RequestMapping(SparkPostsPageController.PATH)
record SparkPostsPageController(
        CodeApplications codes,
        CreativeLibrary library,
        ExtensionRequests extensions,
        Recommendations recommendations,
        AuthorizationRequests authorizationRequests) {
    static final String PATH = "/ads/tools/creative-library/spark-posts";
    static final int PAGE_SIZE = 20;
    static final int MAX_KEYWORD = 100;

    /**
     * A post of the library as the page shows it.
     *
     * @param extension this ad account's latest extension request for the post, if any
     * @param recommendation its Spark-ready score and why
     */
    record LibraryRow(
            SparkPost spark,
            boolean expiringSoon,
            ExtensionRequest extension,
            Recommendation recommendation) {
        public boolean unbindable() {
            return !spark.status().isLive();
        }

        public boolean extensionPending() {
            return extension != null && extension.status() == ExtensionRequest.Status.PENDING;
        }

        public boolean canRequestExtension() {
            return expiringSoon && !extensionPending();
        }
    }

    @GetMapping
    String library(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) SparkCodeStatus status,
            @RequestParam(defaultValue = "RECOMMENDED") LibrarySort sort,
            @RequestParam(required = false) String ask,
            Model model) {
        addLibrary(advertiserId, page, q, status, sort, model);
        model.addAttribute("ask", ask == null ? "" : ask.strip());
        return "authorization/spark-posts";
    }

    /**
     * Asks the creator of a public post (found in Trend Discovery or elsewhere) to authorize it for
     * this ad account; the creator answers in their Creator Center.
     */
    @PostMapping("/authorization-requests")
    String askCreator(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "") String itemId,
            @RequestParam(required = false) String message,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        boolean asked =
                FlashMessages.report(
                        redirect,
                        () -> {
                            authorizationRequests.request(
                                    advertiserId,
                                    Ids.require("Post ID", itemId.strip()),
                                    message,
                                    actor(advertiserId, request));
                            return "Request sent: the creator sees it in their Creator Center. Once"
                                    + " they accept, the post appears here.";
                        });
        if (!asked) {
            redirect.addAttribute("ask", itemId.strip());
        }
        return "redirect:" + PATH + "#ask-creator";
    }

    /** Shows what the code would add; a preview binds nothing, so it is safe to repeat. */
    @PostMapping("/preview")
    String preview(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "") String code,
            @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("code", code.strip());
        try {
            model.addAttribute(
                    "preview", codes.preview(advertiserId, code, actor(advertiserId, request)));
        } catch (Refusal refusal) {
            rethrowIfTooMany(refusal);
            model.addAttribute("codeError", refusal.getMessage());
        }
        if (htmx) {
            return "authorization/spark-posts :: code-panel";
        }
        addLibrary(advertiserId, 1, null, null, LibrarySort.RECOMMENDED, model);
        model.addAttribute("ask", "");
        return "authorization/spark-posts";
    }

    @PostMapping("/apply")
    String apply(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        Actor actor = actor(advertiserId, request);
        try {
            boolean alreadyBound = codes.preview(advertiserId, code, actor).boundAt() != null;
            SparkPost post = codes.apply(advertiserId, code, actor);
            redirect.addFlashAttribute(
                    "flash",
                    alreadyBound
                            ? "This post is already in your Spark Ad posts"
                            : "Post added to your Spark Ad posts");
            redirect.addFlashAttribute("highlight", post.post().itemId());
        } catch (Refusal refusal) {
            rethrowIfTooMany(refusal);
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:" + PATH;
    }

    /** Asks the creator to extend the authorization of a post that expires soon. */
    @PostMapping("/{itemId}/extension")
    String requestExtension(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long itemId,
            @RequestParam(required = false) String message,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) SparkCodeStatus status,
            @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        boolean requested =
                FlashMessages.report(
                        redirect,
                        () -> {
                            extensions.requestExtension(
                                    advertiserId,
                                    itemId,
                                    message == null || message.isBlank() ? null : message.strip(),
                                    actor(advertiserId, request));
                            return "Extension requested: the creator sees your request in their"
                                    + " Creator Center.";
                        });
        if (requested) {
            redirect.addFlashAttribute("highlight", itemId);
        }
        return backToLibrary(q, status, page, redirect);
    }

    /** Removes an expired or revoked post from the library. */
    @PostMapping("/{itemId}/unbind")
    String unbind(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long itemId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) SparkCodeStatus status,
            @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        FlashMessages.report(
                redirect,
                () -> {
                    library.unbind(advertiserId, itemId, actor(advertiserId, request));
                    return "Post removed from your Spark Ad posts";
                });
        return backToLibrary(q, status, page, redirect);
    }

    private void addLibrary(
            long advertiserId,
            int page,
            String q,
            SparkCodeStatus status,
            LibrarySort sort,
            Model model) {
        String keyword = q == null || q.isBlank() ? null : q.strip();
        if (keyword != null && keyword.length() > MAX_KEYWORD) {
            keyword = keyword.substring(0, MAX_KEYWORD);
        }
        LibraryFilter filter = new LibraryFilter(keyword, status);
        PageRequest request = new PageRequest(Math.max(1, page), PAGE_SIZE);
        List<LibraryRow> rows;
        if (sort == LibrarySort.RECOMMENDED) {
            rows =
                    recommendations.rankedLibrary(advertiserId, filter, request).stream()
                            .map(r -> row(advertiserId, r.spark(), r.recommendation()))
                            .toList();
        } else {
            Ranking ranking = recommendations.of(advertiserId);
            rows =
                    library.library(advertiserId, filter, request).stream()
                            .map(post -> row(advertiserId, post, ranking.of(post)))
                            .toList();
        }
        long total = library.librarySize(advertiserId, filter);
        model.addAttribute("rows", rows);
        model.addAttribute("paging", PageInfo.of(request, total));
        model.addAttribute("q", keyword == null ? "" : keyword);
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("filtered", keyword != null || status != null);
        model.addAttribute("statuses", Arrays.asList(SparkCodeStatus.values()));
        model.addAttribute("sort", sort.name());
        model.addAttribute("sentRequests", authorizationRequests.ofAdvertiser(advertiserId));
        if (!model.containsAttribute("code")) {
            model.addAttribute("code", "");
        }
    }

    private LibraryRow row(long advertiserId, SparkPost post, Recommendation recommendation) {
        ExtensionRequest latest =
                extensions.extensionsOf(post.post().itemId()).stream()
                        .filter(r -> r.advertiserId() == advertiserId)
                        .max(Comparator.comparing(ExtensionRequest::requestedAt))
                        .orElse(null);
        return new LibraryRow(post, library.isExpiringSoon(post), latest, recommendation);
    }

    private static String backToLibrary(
            String q, SparkCodeStatus status, int page, RedirectAttributes redirect) {
        if (q != null && !q.isBlank()) {
            redirect.addAttribute("q", q.strip());
        }
        if (status != null) {
            redirect.addAttribute("status", status.name());
        }
        if (page > 1) {
            redirect.addAttribute("page", page);
        }
        return "redirect:" + PATH;
    }

    /** Too many invalid codes are answered by {@code WebPageErrors}: status 429 and its page. */
    private static void rethrowIfTooMany(Refusal refusal) {
        if (refusal.kind() == Refusal.Kind.TOO_MANY_REQUESTS) {
            throw refusal;
        }
    }

    private static Actor actor(long advertiserId, HttpServletRequest request) {
        return WebActors.advertiser(advertiserId, request);
    }
}
