package io.sparkads.reporting.web;

import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.content.Post;
import io.sparkads.content.Posts;
import io.sparkads.reporting.AdUsageLedger;
import io.sparkads.reporting.AdUsageLedger.AccountUse;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Creator Center › a post's usage ledger: which ad accounts use the post, how (a code or a linked
 * account), since when, in which ads, and what those ads made, per ad and per ad account. It lives
 * with reporting, which owns the numbers; the Creator Center card links here.
 */
@WebPage
record UsageLedgerPageController(AdUsageLedger ledger, Posts posts) {
    @GetMapping("/creator/posts/{itemId}/usage")
    String usage(
            @AuthenticationPrincipal(expression = "creatorAccountId()") long creatorAccountId,
            @PathVariable long itemId,
            Model model) {
        // Another creator's post is as unknown as a missing one.
        Post post =
                posts.find(itemId)
                        .filter(p -> p.accountId() == creatorAccountId)
                        .orElseThrow(
                                () ->
                                        Refusal.notFound(
                                                "There is no post "
                                                        + itemId
                                                        + " in your account."));
        List<AccountUse> uses = ledger.ofPost(itemId);
        model.addAttribute("post", post);
        model.addAttribute("uses", uses);
        // An ad account may use the post both through a code and through a linked account.
        model.addAttribute(
                "totalAccounts", uses.stream().map(AccountUse::advertiserId).distinct().count());
        model.addAttribute(
                "totalImpressions", uses.stream().mapToLong(u -> u.paid().impressions()).sum());
        model.addAttribute("totalViews", uses.stream().mapToLong(u -> u.paid().views()).sum());
        model.addAttribute("totalAds", uses.stream().mapToInt(u -> u.ads().size()).sum());
        return "reporting/usage-ledger";
    }
}
