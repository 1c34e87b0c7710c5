package io.sparkads.campaigns.web;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.Ads;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.web.WebPage;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Ads Manager › Ads: the ad account's ads with TikTok's {@code secondary_status} and, when review
 * rejected one, the reason to act on.
 */
@WebPage
class AdsPageController {
    private static final int PAGE_SIZE = 20;
    private static final Ads.AdFilter ALL = new Ads.AdFilter(List.of(), List.of(), List.of());

    /** What each {@code secondary_status} means to an advertiser, and how loudly to show it. */
    private static final Map<String, Status> STATUSES =
            Map.ofEntries(
                    Map.entry("AD_STATUS_DELIVERY_OK", new Status("Delivering", "ok")),
                    Map.entry("AD_STATUS_AUDIT", new Status("In review", "info")),
                    Map.entry("AD_STATUS_AUDIT_DENY", new Status("Rejected in review", "bad")),
                    Map.entry(
                            "AD_STATUS_CREATOR_AUTHORIZATION_REVOKED",
                            new Status("Creator revoked the authorization", "bad")),
                    Map.entry(
                            "AD_STATUS_ASSET_AUTHORIZATION_LOST",
                            new Status("Post no longer available", "bad")),
                    Map.entry("AD_STATUS_CAMPAIGN_DISABLE", new Status("Campaign paused", "muted")),
                    Map.entry("AD_STATUS_ADGROUP_DISABLE", new Status("Ad group paused", "muted")),
                    Map.entry("AD_STATUS_DISABLE", new Status("Paused", "muted")),
                    Map.entry("AD_STATUS_NOT_START", new Status("Scheduled", "info")),
                    Map.entry("AD_STATUS_DONE", new Status("Finished", "muted")),
                    Map.entry("AD_STATUS_DELETE", new Status("Deleted", "muted")));

    private final Ads ads;

    AdsPageController(Ads ads) {
        this.ads = ads;
    }

    record Status(String label, String tone) {}

    record AdRow(Ad ad, Status status) {}

    @GetMapping("/ads/ads")
    String list(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        PageRequest request = new PageRequest(Math.max(1, page), PAGE_SIZE);
        model.addAttribute(
                "rows",
                ads.list(advertiserId, ALL, request).stream()
                        .map(
                                ad ->
                                        new AdRow(
                                                ad,
                                                STATUSES.getOrDefault(
                                                        ad.secondaryStatus(),
                                                        new Status(ad.secondaryStatus(), "muted"))))
                        .toList());
        model.addAttribute("paging", PageInfo.of(request, ads.count(advertiserId, ALL)));
        return "campaigns/ads";
    }
}
