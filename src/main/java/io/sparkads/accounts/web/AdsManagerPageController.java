package io.sparkads.accounts.web;

import io.sparkads.accounts.Advertisers;
import io.sparkads.accounts.SignedInUser;
import io.sparkads.common.web.WebPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Ads Manager's home: the ad account and the way to its tools. It lives with the ad accounts;
 * the tools themselves live in the modules that own them.
 */
@WebPage
record AdsManagerPageController(Advertisers advertisers) {
    @GetMapping("/ads")
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("advertiser", advertisers.get(user.advertiserId()));
        return "accounts/ads-manager";
    }
}
