package io.sparkads.campaigns.web;

import io.sparkads.accounts.Advertisers;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdGroupChange;
import io.sparkads.campaigns.AdGroupChange.ChangeBid;
import io.sparkads.campaigns.AdGroupChange.ChangeBudget;
import io.sparkads.campaigns.AdGroupChange.Rename;
import io.sparkads.campaigns.AdGroupSettings;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaign;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.SortedPage;
import io.sparkads.common.web.WebPage;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ads Manager › Campaigns › a campaign: its ad groups with placement, audience, schedule and bid,
 * editing one's name, budget or bid, and enabling or disabling several at once; while it has none,
 * the next step, adding one. And the page that creates an ad group, which refuses by
 * Post/Redirect/Get with each problem beside its field, and opens the new ad group on its next
 * step.
 */
@WebPage
record CampaignPageController(
        Campaigns campaigns, AdGroups adGroups, Ads ads, Clock clock, Advertisers advertisers) {
    private static final int PAGE_SIZE = 20;

    /** Schedules are entered and shown in the ad account's time zone. */
    private ZoneId zone(long advertiserId) {
        return advertisers.timezone(advertiserId);
    }

    /** A row's edit form, as typed. */
    record AdGroupEdit(String adgroupName, String budget, String bidPrice)
            implements Serializable {}

    record AdGroupRow(AdGroup adGroup, long ads) {}

    @GetMapping("/ads/campaigns/{campaignId}")
    String campaign(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long campaignId,
            @ModelAttribute(name = "params", binding = true) SortedPage params,
            Model model) {
        Campaign campaign = campaigns.get(advertiserId, campaignId);
        FormOutcome.showList(model);
        return page(advertiserId, campaign, params, model);
    }

    @GetMapping("/ads/campaigns/{campaignId}/adgroups/new")
    String form(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long campaignId,
            Model model) {
        Campaign campaign = campaigns.get(advertiserId, campaignId);
        ZoneId zone = zone(advertiserId);
        FormOutcome.showForm(
                model,
                () ->
                        AdGroupForm.initial(
                                campaign.objectiveType().billings().get(0).name(),
                                clock.instant(),
                                zone));
        model.addAttribute("campaign", campaign);
        model.addAttribute("zone", zone);
        return "campaigns/adgroup-form";
    }

    @PostMapping("/ads/campaigns/{campaignId}/adgroups")
    String create(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long campaignId,
            @ModelAttribute("form") AdGroupForm form,
            RedirectAttributes redirect) {
        Campaign campaign = campaigns.get(advertiserId, campaignId);
        FormErrors errors = new FormErrors();
        AdGroupSettings settings =
                form.read(errors, campaign.objectiveType(), clock.instant(), zone(advertiserId));
        if (settings != null) {
            try {
                AdGroup created = adGroups.create(advertiserId, campaignId, settings);
                return FormOutcome.created(
                        redirect,
                        "Ad group “" + created.adgroupName() + "” created",
                        "/ads/adgroups/" + created.id());
            } catch (Refusal refusal) {
                errors.refused(refusal, AdGroupForm.FIELDS);
            }
        }
        return FormOutcome.refused(
                redirect, form, errors, "/ads/campaigns/" + campaignId + "/adgroups/new");
    }

    /** Renames an ad group or changes its budget or bid; its ads pick the change up at once. */
    @PostMapping("/ads/adgroups/{adgroupId}")
    String edit(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long adgroupId,
            @ModelAttribute("edit") AdGroupEdit edit,
            @ModelAttribute(name = "list", binding = true) SortedPage list,
            RedirectAttributes redirect) {
        AdGroup adGroup = adGroups.get(advertiserId, adgroupId);
        String back = "/ads/campaigns/" + adGroup.campaignId();
        String row = "adgroup-" + adgroupId;
        FormErrors errors = new FormErrors();
        String name =
                errors.required(
                        row + "-name", edit.adgroupName(), 512, "Enter a name for the ad group");
        BigDecimal budget =
                CampaignForm.amount(row + "-budget", adGroup.budgetMode(), edit.budget(), errors);
        BigDecimal bidPrice = errors.positive(row + "-bid", edit.bidPrice(), "a bid", 4, "1.20");
        if (errors.isEmpty()) {
            try {
                AdGroup saved =
                        adGroups.change(
                                advertiserId,
                                adgroupId,
                                was -> edited(was, name, budget, bidPrice));
                return FormOutcome.saved(
                        redirect,
                        "Ad group “" + saved.adgroupName() + "” saved",
                        adgroupId,
                        list,
                        back);
            } catch (Refusal refusal) {
                errors.refused(
                        refusal,
                        Map.of(
                                "adgroup_name", row + "-name",
                                "budget", row + "-budget",
                                "bid_price", row + "-bid"));
            }
        }
        return FormOutcome.editRefused(redirect, adgroupId, edit, errors, list, back);
    }

    /** A row's edit renames the ad group and changes its bid and, if it has one, its budget. */
    private static List<AdGroupChange> edited(
            AdGroupSettings was, String name, BigDecimal budget, BigDecimal bidPrice) {
        List<AdGroupChange> changes = new ArrayList<>();
        changes.add(new Rename(name));
        if (was.budget().mode().limited()) {
            changes.add(new ChangeBudget(was.budget().withAmount(budget)));
        }
        changes.add(new ChangeBid(was.bid().withPrice(bidPrice)));
        return changes;
    }

    @PostMapping("/ads/campaigns/{campaignId}/adgroups/status")
    String changeStatus(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long campaignId,
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam OperationStatus status,
            @ModelAttribute(name = "list", binding = true) SortedPage list,
            RedirectAttributes redirect) {
        campaigns.get(advertiserId, campaignId);
        StatusChange.applyUnder(
                "campaign",
                id -> adGroups.get(advertiserId, id).campaignId() == campaignId,
                ids,
                status,
                "ad group",
                checked -> adGroups.updateStatus(advertiserId, checked, status),
                redirect);
        return FormOutcome.backTo(redirect, list, "/ads/campaigns/" + campaignId);
    }

    private String page(long advertiserId, Campaign campaign, SortedPage params, Model model) {
        model.addAttribute("zone", zone(advertiserId));
        AdGroups.Sort sort = params.column(AdGroups.Sort.class, AdGroups.Sort.CREATED);
        PageRequest request = params.request(PAGE_SIZE);
        List<Long> of = List.of(campaign.id());
        List<AdGroupRow> rows =
                adGroups.list(advertiserId, of, sort, params.ascending(), request).stream()
                        .map(
                                g ->
                                        new AdGroupRow(
                                                g,
                                                ads.count(
                                                        advertiserId,
                                                        new Ads.AdListFilter(
                                                                List.of(),
                                                                List.of(g.id()),
                                                                List.of()))))
                        .toList();
        model.addAttribute("campaign", campaign);
        model.addAttribute("rows", rows);
        model.addAttribute(
                "paging", PageInfo.of(request, adGroups.count(advertiserId, of, List.of())));
        model.addAttribute(
                "address",
                params.address(
                        "/ads/campaigns/" + campaign.id(),
                        Map.of(),
                        AdGroups.Sort.CREATED,
                        PAGE_SIZE));
        return "campaigns/campaign";
    }
}
