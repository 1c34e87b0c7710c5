package io.sparkads.authorization.web;

import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.authorization.SparkPost;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ads Manager › Tools › Creative library › Spark Ad posts: the ad account's authorized posts, and
 * applying a creator's authorization code, previewed before it binds.
 *
 * <p>The ad account comes from the signed-in user by expression, so this module need not depend on
 * the accounts module that owns the user type.
 */
@WebPage
@RequestMapping(SparkPostsPageController.PATH)
class SparkPostsPageController {
    static final String PATH = "/ads/tools/creative-library/spark-posts";
    private static final int PAGE_SIZE = 20;

    private final SparkAuthorizations authorizations;

    SparkPostsPageController(SparkAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @GetMapping
    String library(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        addLibrary(advertiserId, page, model);
        return "authorization/spark-posts";
    }

    /** Shows what the code would add; a preview binds nothing, so it is safe to repeat. */
    @PostMapping("/preview")
    String preview(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "") String code,
            @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx,
            Model model) {
        model.addAttribute("code", code.strip());
        try {
            model.addAttribute("preview", authorizations.preview(advertiserId, code));
        } catch (Refusal refusal) {
            model.addAttribute("codeError", refusal.getMessage());
        }
        if (htmx) {
            return "authorization/spark-posts :: code-panel";
        }
        addLibrary(advertiserId, 1, model);
        return "authorization/spark-posts";
    }

    @PostMapping("/apply")
    String apply(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "") String code,
            RedirectAttributes redirect) {
        try {
            boolean alreadyBound = authorizations.preview(advertiserId, code).boundAt() != null;
            SparkPost post = authorizations.apply(advertiserId, code);
            redirect.addFlashAttribute(
                    "flash",
                    alreadyBound
                            ? "This post is already in your Spark Ad posts"
                            : "Post added to your Spark Ad posts");
            redirect.addFlashAttribute("highlight", post.post().itemId());
        } catch (Refusal refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:" + PATH;
    }

    private void addLibrary(long advertiserId, int page, Model model) {
        PageRequest request = new PageRequest(Math.max(1, page), PAGE_SIZE);
        model.addAttribute("posts", authorizations.library(advertiserId, request));
        model.addAttribute(
                "paging", PageInfo.of(request, authorizations.librarySize(advertiserId)));
    }
}
