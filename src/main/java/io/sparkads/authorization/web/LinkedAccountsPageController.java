package io.sparkads.authorization.web;

import io.sparkads.authorization.AccountLink;
import io.sparkads.authorization.AccountLinks;
import io.sparkads.authorization.Actor;
import io.sparkads.authorization.LinkPermission;
import io.sparkads.authorization.LinkRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.content.AppAccount;
import io.sparkads.content.AppAccounts;
import jakarta.servlet.http.HttpServletRequest;
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
 * Ads Manager › Tools › Linked accounts: the advertiser creates a link request and gives its code
 * to the creator, who approves it in their Creator Center; once linked, the creator's posts are
 * usable without codes until either side unlinks. The link code is shown once, right after it is
 * created.
 */
@WebPage
@RequestMapping(LinkedAccountsPageController.PATH)
record LinkedAccountsPageController(AccountLinks links, AppAccounts accounts) {
    static final String PATH = "/ads/tools/linked-accounts";

    /** A request or link with the creator's account once someone approved it. */
    record LinkRow(AccountLink link, AppAccount account) {}

    @GetMapping
    String page(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            Model model) {
        model.addAttribute(
                "rows",
                links.ofAdvertiser(advertiserId).stream()
                        .map(
                                link ->
                                        new LinkRow(
                                                link,
                                                link.accountId() == null
                                                        ? null
                                                        : accounts.find(link.accountId())
                                                                .orElse(null)))
                        .toList());
        model.addAttribute("permissions", Arrays.asList(LinkPermission.values()));
        model.addAttribute("validityDays", AccountLinks.REQUEST_VALIDITY.toDays());
        return "authorization/linked-accounts";
    }

    @PostMapping("/requests")
    String request(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(name = "permissions", required = false) List<String> permissions,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        FlashMessages.refusalReported(
                redirect,
                () -> {
                    if (permissions == null || permissions.isEmpty()) {
                        throw Refusal.invalid(
                                "Tick at least one permission to ask the creator for.");
                    }
                    LinkRequest created =
                            links.request(advertiserId, permissions, actor(advertiserId, request));
                    // Shown once, on the page this redirects to; a reload no longer shows it.
                    redirect.addFlashAttribute("created", created);
                });
        return "redirect:" + PATH;
    }

    @PostMapping("/{accountId}/unlink")
    String unlink(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long accountId,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        FlashMessages.report(
                redirect,
                () -> {
                    links.unlink(accountId, advertiserId, actor(advertiserId, request));
                    String name =
                            accounts.find(accountId)
                                    .map(a -> "@" + a.handle())
                                    .orElse("the account");
                    return "Unlinked " + name + ": your ads using this account stop now.";
                });
        return "redirect:" + PATH;
    }

    private static Actor actor(long advertiserId, HttpServletRequest request) {
        return WebActors.advertiser(advertiserId, request);
    }
}
