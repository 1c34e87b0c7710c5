package io.sparkads.authorization.web;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.Actor;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.content.AppAccounts;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creator Center › Account links: the creator enters an advertiser's link code, chooses what to
 * allow (using existing posts, publishing new videos) and where pushed videos show (in ads only, or
 * on the profile too), and sees the linked advertisers with a way to unlink each.
 */
@WebPage
@RequestMapping(CreatorLinksPageController.PATH)
record CreatorLinksPageController(AccountLinks links, AppAccounts accounts) {
    static final String PATH = "/creator/links";
    static final String ADS_ONLY = "ADS_ONLY";
    static final String PROFILE_AND_ADS = "PROFILE_AND_ADS";

    @GetMapping
    String page(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            Model model) {
        List<AccountLink> all = links.ofAccount(creatorAccountId);
        model.addAttribute("account", accounts.get(creatorAccountId));
        model.addAttribute(
                "active",
                all.stream().filter(l -> l.status() == AccountLink.Status.ACTIVE).toList());
        model.addAttribute(
                "ended",
                all.stream().filter(l -> l.status() != AccountLink.Status.ACTIVE).toList());
        model.addAttribute("permissions", Arrays.asList(LinkPermission.values()));
        if (!model.containsAttribute("draft")) {
            model.addAttribute(
                    "draft", new Draft("", List.of(LinkPermission.PULL_POSTS.name()), ADS_ONLY));
        }
        return "authorization/creator-links";
    }

    /** What the creator entered, kept when the approval is refused so nothing is typed twice. */
    /** Kept in the session (a flash attribute) across the redirect, so serializable. */
    record Draft(String linkCode, List<String> permissions, String scope) implements Serializable {
        public boolean has(Object permission) {
            return permissions.contains(String.valueOf(permission));
        }
    }

    @PostMapping
    String approve(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            @RequestParam(name = "linkCode", defaultValue = "") String linkCode,
            @RequestParam(name = "permissions", required = false) List<String> permissions,
            @RequestParam(name = "scope", required = false) String scope,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        List<String> granted = permissions == null ? List.of() : permissions;
        boolean linked =
                FlashMessages.refusalReported(
                        redirect,
                        () -> {
                            if (linkCode.isBlank()) {
                                throw Refusal.invalid(
                                        "Enter the link code the advertiser gave you.");
                            }
                            if (granted.isEmpty()) {
                                throw Refusal.invalid(
                                        "Tick at least one thing the advertiser may do.");
                            }
                            AccountLink link =
                                    links.approve(
                                            creatorAccountId,
                                            linkCode.strip(),
                                            granted,
                                            adsOnly(scope),
                                            actor(creatorAccountId, request));
                            redirect.addFlashAttribute("flash", linkedNotice(link));
                            redirect.addFlashAttribute("highlight", link.id());
                        });
        if (!linked) {
            redirect.addFlashAttribute("draft", new Draft(linkCode.strip(), granted, scope));
        }
        return "redirect:" + PATH;
    }

    /** Where pushed videos show: in ads only, or on the profile too; none chosen is null. */
    private static Boolean adsOnly(String scope) {
        return ADS_ONLY.equals(scope)
                ? Boolean.TRUE
                : PROFILE_AND_ADS.equals(scope) ? Boolean.FALSE : null;
    }

    /** What the advertiser may now do, in the creator's words. */
    private static String linkedNotice(AccountLink link) {
        List<String> may = new ArrayList<>();
        if (link.allows(LinkPermission.PULL_POSTS)) {
            may.add("use your public posts as ads");
        }
        if (link.allows(LinkPermission.PUSH_VIDEOS)) {
            may.add(
                    "publish videos under your account after review"
                            + (Boolean.TRUE.equals(link.adsOnly())
                                    ? ", shown in ads only"
                                    : ", shown on your profile too"));
        }
        return "Linked: the advertiser may now "
                + String.join(" and ", may)
                + ", until either of you unlinks.";
    }

    @PostMapping("/{advertiserId}/unlink")
    String unlink(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            @PathVariable long advertiserId,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        FlashMessages.report(
                redirect,
                () -> {
                    links.unlink(creatorAccountId, advertiserId, actor(creatorAccountId, request));
                    return "Unlinked: the advertiser's ads using your account stop now.";
                });
        return "redirect:" + PATH;
    }

    private static Actor actor(long creatorAccountId, HttpServletRequest request) {
        return WebActors.creator(creatorAccountId, request);
    }
}
