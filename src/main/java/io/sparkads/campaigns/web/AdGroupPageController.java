package io.sparkads.campaigns.web;

import io.sparkads.accounts.Advertisers;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdListings;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.web.SortedPage;
import io.sparkads.common.web.WebPage;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ads Manager › Campaigns › a campaign › an ad group: its targeting and bid, its ads with TikTok's
 * {@code secondary_status} and any reason review gave, sorted by a column a page at a time,
 * enabling or pausing several ads at once, and the way to create an ad.
 */
@WebPage
record AdGroupPageController(
        Campaigns campaigns, Ads ads, AdListings listings, Advertisers advertisers) {
    private static final int PAGE_SIZE = 20;

    @GetMapping("/ads/adgroups/{adgroupId}")
    String show(
            @ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup,
            @ModelAttribute(name = "params", binding = true) SortedPage params,
            Model model) {
        long advertiserId = adGroup.advertiserId();
        AdListings.Query query =
                AdListings.Query.ofAdGroup(
                        adGroup.id(),
                        params.column(AdListings.Sort.class, AdListings.Sort.CREATED),
                        params.ascending());
        PageRequest request = params.request(PAGE_SIZE);
        model.addAttribute("zone", advertisers.timezone(advertiserId));
        model.addAttribute("campaign", campaigns.get(advertiserId, adGroup.campaignId()));
        model.addAttribute(
                "rows",
                AdRows.of(
                        listings.list(advertiserId, query, request).stream()
                                .map(AdListings.Listed::ad)
                                .toList()));
        model.addAttribute("paging", PageInfo.of(request, listings.count(advertiserId, query)));
        model.addAttribute(
                "address",
                params.address(path(adGroup), Map.of(), AdListings.Sort.CREATED, PAGE_SIZE));
        return "campaigns/adgroup";
    }

    @PostMapping("/ads/adgroups/{adgroupId}/ads/status")
    String changeStatus(
            @ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup,
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam OperationStatus status,
            @ModelAttribute(name = "list", binding = true) SortedPage list,
            RedirectAttributes redirect) {
        long advertiserId = adGroup.advertiserId();
        StatusChange.applyUnder(
                "ad group",
                id -> ads.get(advertiserId, id).adgroupId() == adGroup.id(),
                ids,
                status,
                "ad",
                checked -> ads.updateStatus(advertiserId, checked, status),
                redirect);
        return FormOutcome.backTo(redirect, list, path(adGroup));
    }

    private static String path(AdGroup adGroup) {
        return "/ads/adgroups/" + adGroup.id();
    }
}
