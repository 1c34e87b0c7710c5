package io.sparkads.authorization.web;

import io.sparkads.authorization.Actor;
import io.sparkads.authorization.AuthorizationCodes;
import io.sparkads.authorization.AuthorizationPeriod;
import io.sparkads.authorization.AuthorizationRequest;
import io.sparkads.authorization.AuthorizationRequests;
import io.sparkads.authorization.CodeSummary;
import io.sparkads.authorization.ExtensionRequest;
import io.sparkads.authorization.ExtensionRequests;
import io.sparkads.authorization.IssuedCode;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.content.AppAccounts;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
 * Creator Center: the creator's posts, each with the codes issued for it, the advertisers' requests
 * to extend an authorization, and the way to its usage ledger. Generating a code answers with the
 * post's card holding the code, the only time it is ever shown; a reload shows only its status.
 * Every change answers with the card (htmx) or redirects back (without JavaScript). The page lives
 * in the authorization module because content may not depend on it.
 */
@WebPage
@RequestMapping("/creator")
record CreatorCenterPageController(
        AuthorizationCodes codes,
        ExtensionRequests extensions,
        Posts posts,
        AppAccounts accounts,
        AuthorizationRequests authorizationRequests) {
    static final List<Integer> DAYS = AuthorizationPeriod.VALID_DAYS.stream().sorted().toList();
    static final int DEFAULT_DAYS = 30;

    /** Decided extension requests shown under the pending ones, newest first. */
    static final int DECIDED_SHOWN = 3;

    private static final String CARD = "authorization/creator-center :: post-card";

    /**
     * A post with its codes and extension requests; {@code issued} only in the answer that
     * generated it.
     */
    record PostCard(
            Post post,
            List<CodeSummary> codes,
            List<ExtensionRequest> extensions,
            IssuedCode issued,
            String notice,
            String error) {
        /** Whether advertisers may use the post now, so there is something to turn off. */
        public boolean authorized() {
            return codes.stream().anyMatch(code -> code.status().isLive());
        }

        public List<ExtensionRequest> pendingExtensions() {
            return extensions.stream()
                    .filter(r -> r.status() == ExtensionRequest.Status.PENDING)
                    .toList();
        }

        public List<ExtensionRequest> decidedExtensions() {
            return extensions.stream()
                    .filter(r -> r.status() != ExtensionRequest.Status.PENDING)
                    .limit(DECIDED_SHOWN)
                    .toList();
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
        model.addAttribute("requests", requestRows(creatorAccountId));
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
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Post post = ownPost(creatorAccountId, itemId);
        IssuedCode issued = null;
        String error = null;
        try {
            issued = codes.issueCode(itemId, days, actor(creatorAccountId, request));
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

    /**
     * Without a code, turns the post's ad authorization off: every code is revoked, every ad using
     * it stops. With one, revokes that code: the ad accounts that applied it lose the post, others
     * keep theirs.
     */
    @PostMapping({"/posts/{itemId}/revoke", "/posts/{itemId}/codes/{codeId}/revoke"})
    String revoke(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            @PathVariable long itemId,
            @PathVariable(required = false) Long codeId,
            @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        return answer(
                ownPost(creatorAccountId, itemId),
                htmx,
                model,
                redirect,
                () -> {
                    Actor actor = actor(creatorAccountId, request);
                    if (codeId == null) {
                        codes.revoke(itemId, actor);
                        return "Authorization revoked: ads using this post stop now.";
                    }
                    codes.revokeCode(itemId, codeId, actor);
                    return "Code revoked: ads of the ad accounts that applied it stop now.";
                });
    }

    /** Approves an advertiser's extension request with a new period, or declines it. */
    @PostMapping("/posts/{itemId}/extensions/{requestId}")
    String decideExtension(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            @PathVariable long itemId,
            @PathVariable long requestId,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(required = false) Integer days,
            @RequestHeader(name = "HX-Request", defaultValue = "false") boolean htmx,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        return answer(
                ownPost(creatorAccountId, itemId),
                htmx,
                model,
                redirect,
                () -> {
                    boolean approve =
                            switch (decision) {
                                case "APPROVE" -> true;
                                case "DECLINE" -> false;
                                default -> throw Refusal.invalid("Choose Approve or Decline.");
                            };
                    extensions.decideExtension(
                            itemId, requestId, approve, days, actor(creatorAccountId, request));
                    return approve
                            ? "Extension approved: the authorization now runs "
                                    + days
                                    + " days longer."
                            : "Extension declined: the authorization ends as planned.";
                });
    }

    /** An advertiser's request for one of the creator's posts, with the post it names. */
    record RequestRow(AuthorizationRequest request, Post post) {}

    /** Pending requests, then the last few decided ones. */
    private List<RequestRow> requestRows(long creatorAccountId) {
        List<AuthorizationRequest> all = authorizationRequests.toAccount(creatorAccountId);
        List<AuthorizationRequest> shown = new ArrayList<>();
        all.stream().filter(AuthorizationRequest::isPending).forEach(shown::add);
        all.stream().filter(r -> !r.isPending()).limit(DECIDED_SHOWN).forEach(shown::add);
        return shown.stream().map(r -> new RequestRow(r, posts.get(r.itemId()))).toList();
    }

    /**
     * Accepts an advertiser's request for ad authorization of a post for {@code days}, which puts
     * the post in their library at once, or declines it.
     */
    @PostMapping("/authorization-requests/{requestId}")
    String decideRequest(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            @PathVariable long requestId,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(required = false) Integer days,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        FlashMessages.report(
                redirect,
                () -> {
                    AuthorizationRequest.Decision choice =
                            switch (decision) {
                                case "ACCEPT" -> AuthorizationRequest.Decision.ACCEPT;
                                case "DECLINE" -> AuthorizationRequest.Decision.DECLINE;
                                default -> throw Refusal.invalid("Choose Accept or Decline.");
                            };
                    authorizationRequests.decide(
                            creatorAccountId,
                            requestId,
                            choice,
                            days,
                            actor(creatorAccountId, request));
                    return choice == AuthorizationRequest.Decision.ACCEPT
                            ? "Request accepted: the advertiser can run this post as an ad for "
                                    + days
                                    + " days."
                            : "Request declined: the advertiser cannot use this post.";
                });
        return "redirect:/creator#authorization-requests";
    }

    /** Carries out a change and answers with the post's card, saying what happened or why not. */
    private String answer(
            Post post,
            boolean htmx,
            Model model,
            RedirectAttributes redirect,
            Supplier<String> change) {
        String notice = null;
        String error = null;
        try {
            notice = change.get();
        } catch (Refusal refusal) {
            error = refusal.getMessage();
        }
        if (!htmx) {
            redirect.addFlashAttribute(
                    notice != null ? "flash" : "flashError", notice != null ? notice : error);
            return "redirect:/creator#post-" + post.itemId();
        }
        model.addAttribute("card", card(post, null, notice, error));
        return CARD;
    }

    private PostCard card(Post post, IssuedCode issued, String notice, String error) {
        return new PostCard(
                post,
                codes.codesOf(post.itemId()),
                extensions.extensionsOf(post.itemId()),
                issued,
                notice,
                error);
    }

    private static Actor actor(long creatorAccountId, HttpServletRequest request) {
        return WebActors.creator(creatorAccountId, request);
    }

    /** Another creator's post is as unknown as a missing one. */
    private Post ownPost(long creatorAccountId, long itemId) {
        return posts.find(itemId)
                .filter(post -> post.accountId() == creatorAccountId && post.deletedAt() == null)
                .orElseThrow(
                        () -> Refusal.notFound("There is no post " + itemId + " in your account."));
    }
}
