package io.sparkads.authorization.web;

import io.sparkads.authorization.IssuedCode;
import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.authorization.SparkAuthorizations.CodeSummary;
import io.sparkads.authorization.SparkCodeStatus;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creator Center: the creator's posts with the codes issued for each. Generating a code answers
 * with the post's card holding the code, the only time it is ever shown; a reload shows only its
 * status. The page lives in the authorization module because content may not depend on it.
 */
@WebPage
@RequestMapping("/creator")
class CreatorCenterPageController {
    static final List<Integer> DAYS = SparkAuthorizations.VALID_DAYS.stream().sorted().toList();
    static final int DEFAULT_DAYS = 30;
    private static final String CARD = "authorization/creator-center :: post-card";

    private final SparkAuthorizations authorizations;
    private final Posts posts;
    private final AppAccounts accounts;

    CreatorCenterPageController(
            SparkAuthorizations authorizations, Posts posts, AppAccounts accounts) {
        this.authorizations = authorizations;
        this.posts = posts;
        this.accounts = accounts;
    }

    /** A post with its codes; {@code issued} only in the answer that generated it. */
    record PostCard(
            Post post, List<CodeSummary> codes, IssuedCode issued, String notice, String error) {

        /** Whether advertisers may use the post now, so there is something to revoke. */
        public boolean authorized() {
            return codes.stream()
                    .anyMatch(
                            code ->
                                    code.status() == SparkCodeStatus.NOT_USED
                                            || code.status() == SparkCodeStatus.IN_USE);
        }
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("days", DAYS);
        model.addAttribute("defaultDays", DEFAULT_DAYS);
    }

    @GetMapping
    String center(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            Model model) {
        // After a generate without htmx, the code arrives once as a flash attribute.
        IssuedCode issued = (IssuedCode) model.getAttribute("issued");
        model.addAttribute("account", accounts.get(creatorAccountId));
        model.addAttribute(
                "cards",
                posts.ofAccount(creatorAccountId).stream()
                        .map(
                                post ->
                                        card(
                                                post,
                                                issued != null && issued.itemId() == post.itemId()
                                                        ? issued
                                                        : null,
                                                null,
                                                null))
                        .toList());
        return "authorization/creator-center";
    }

    @PostMapping("/posts/{itemId}/codes")
    String generate(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            @PathVariable long itemId,
            @RequestParam(required = false) Integer days,
            @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx,
            Model model,
            RedirectAttributes redirect) {
        Post post = ownPost(creatorAccountId, itemId);
        IssuedCode issued = null;
        String error = null;
        try {
            issued = authorizations.issueCode(itemId, days);
        } catch (Refusal refusal) {
            error = refusal.getMessage();
        }
        if (!htmx) {
            if (issued != null) {
                redirect.addFlashAttribute("issued", issued);
            } else {
                redirect.addFlashAttribute("flashError", error);
            }
            return "redirect:/creator";
        }
        model.addAttribute("card", card(post, issued, null, error));
        return CARD;
    }

    @PostMapping("/posts/{itemId}/revoke")
    String revoke(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            @PathVariable long itemId,
            @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx,
            Model model,
            RedirectAttributes redirect) {
        Post post = ownPost(creatorAccountId, itemId);
        authorizations.revoke(itemId);
        String notice = "Authorization revoked: ads using this post stop now.";
        if (!htmx) {
            redirect.addFlashAttribute("flash", notice);
            return "redirect:/creator";
        }
        model.addAttribute("card", card(post, null, notice, null));
        return CARD;
    }

    private PostCard card(Post post, IssuedCode issued, String notice, String error) {
        return new PostCard(post, authorizations.codesOf(post.itemId()), issued, notice, error);
    }

    /** Another creator's post is as unknown as a missing one. */
    private Post ownPost(long creatorAccountId, long itemId) {
        return posts.find(itemId)
                .filter(post -> post.accountId() == creatorAccountId && post.deletedAt() == null)
                .orElseThrow(
                        () -> Refusal.notFound("There is no post " + itemId + " in your account."));
    }
}
