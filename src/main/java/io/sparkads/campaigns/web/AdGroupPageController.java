package io.sparkads.campaigns.web;

import io.sparkads.accounts.Advertisers;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.web.WebPage;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ads Manager › Campaigns › a campaign › an ad group: its targeting and bid, its ads with TikTok's
 * {@code secondary_status} and any reason review gave, enabling or disabling several ads at once,
 * and the way to create an ad.
 */
@WebPage
record AdGroupPageController(Campaigns campaigns, Ads ads, Advertisers advertisers) {
    private static final int PAGE_SIZE = 20;

    @GetMapping("/ads/adgroups/{adgroupId}")
    String show(
            @ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        long advertiserId = adGroup.advertiserId();
        PageRequest request = new PageRequest(Math.max(1, page), PAGE_SIZE);
        Ads.AdListFilter filter = new Ads.AdListFilter(List.of(), List.of(adGroup.id()), List.of());
        model.addAttribute("zone", advertisers.timezone(advertiserId));
        model.addAttribute("campaign", campaigns.get(advertiserId, adGroup.campaignId()));
        model.addAttribute("rows", AdRows.of(ads.list(advertiserId, filter, request)));
        model.addAttribute("paging", PageInfo.of(request, ads.count(advertiserId, filter)));
        return "campaigns/adgroup";
    }

    @PostMapping("/ads/adgroups/{adgroupId}/ads/status")
    String changeStatus(
            @ModelAttribute(name = "adGroup", binding = false) AdGroup adGroup,
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam OperationStatus status,
            @RequestParam(defaultValue = "1") int page,
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
        return FormOutcome.backTo(redirect, page, "/ads/adgroups/" + adGroup.id());
    }
}
