package io.sparkads.campaigns.web;

import io.sparkads.campaigns.AdListings;
import io.sparkads.campaigns.AdSwitches;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.ListAddress;
import io.sparkads.common.web.SortedPage;
import io.sparkads.common.web.WebPage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ads Manager › Ads: the ad account's ads, narrowed to a campaign or a name, sorted by a column, a
 * page at a time; each row links to the ad, its campaign and its ad group, and checked rows are
 * enabled or paused together.
 */
@WebPage
record AdsPageController(AdListings listings, AdSwitches switches, Campaigns campaigns) {
    static final int PAGE_SIZE = 20;
    private static final String PATH = "/ads/ads";

    /**
     * The list's parameters as the address carries them; each may be missing, and one that is not a
     * number where a number belongs, or a column the list does not sort by, is refused with what to
     * write instead.
     */
    record ListParams(
            String q, String campaign, String sort, String dir, String page, String size) {

        Long campaignId() {
            return SortedPage.number("campaign", campaign, "a campaign's id");
        }

        private SortedPage sorted() {
            return new SortedPage(sort, dir, page, size);
        }

        AdListings.Query query() {
            Long campaignId = campaignId();
            AdListings.Sort column =
                    sorted().column(AdListings.Sort.class, AdListings.Sort.CREATED);
            return new AdListings.Query(campaignId, null, q, column, sorted().ascending());
        }

        PageRequest request() {
            return sorted().request(PAGE_SIZE);
        }

        ListAddress address() {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("q", q == null ? null : q.strip());
            filters.put("campaign", campaignId() == null ? null : campaignId().toString());
            return sorted().address(PATH, filters, AdListings.Sort.CREATED, PAGE_SIZE);
        }
    }

    @GetMapping(PATH)
    String list(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @ModelAttribute(name = "params", binding = true) ListParams params,
            Model model) {
        AdListings.Query query = params.query();
        PageRequest request = params.request();
        model.addAttribute("rows", AdRows.listed(listings.list(advertiserId, query, request)));
        model.addAttribute("paging", PageInfo.of(request, listings.count(advertiserId, query)));
        model.addAttribute("address", params.address());
        model.addAttribute(
                "campaigns",
                campaigns.list(
                        advertiserId, List.of(), new PageRequest(1, PageRequest.MAX_PAGE_SIZE)));
        model.addAttribute(
                "filtered", query.campaignId() != null || !query.nameContains().isEmpty());
        return "campaigns/ads";
    }

    /**
     * Enables or pauses the checked ads and comes back to the same list: an ad that cannot run is
     * named with the reason, the others change.
     */
    @PostMapping(PATH + "/status")
    String changeStatus(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(required = false) List<Long> ids,
            @RequestParam OperationStatus status,
            @ModelAttribute(name = "params", binding = true) ListParams params,
            RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flashError", "Select at least one ad first");
        } else {
            try {
                StatusChange.saySwitched(
                        switches.change(advertiserId, ids, status), status, redirect);
            } catch (Refusal refusal) {
                redirect.addFlashAttribute("flashError", refusal.getMessage());
            }
        }
        return "redirect:" + params.address().here();
    }
}
