package io.sparkads.campaigns.web;

import io.sparkads.campaigns.Ads;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.web.WebPage;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Ads Manager › Ads: the ad account's ads with TikTok's {@code secondary_status} and, when review
 * rejected one, the reason to act on.
 */
@WebPage
record AdsPageController(Ads ads) {
    private static final int PAGE_SIZE = 20;
    private static final Ads.AdListFilter ALL =
            new Ads.AdListFilter(List.of(), List.of(), List.of());

    @GetMapping("/ads/ads")
    String list(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        PageRequest request = new PageRequest(Math.max(1, page), PAGE_SIZE);
        model.addAttribute("rows", AdRows.of(ads.list(advertiserId, ALL, request)));
        model.addAttribute("paging", PageInfo.of(request, ads.count(advertiserId, ALL)));
        return "campaigns/ads";
    }
}
