package io.sparkads.campaigns.web;

import io.sparkads.campaigns.AdGroups;
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
 * Ads Manager › Campaigns: the ad account's campaigns with their objective, budget and status,
 * renaming one or changing its budget, and enabling, disabling or deleting several at once; and the
 * page that creates one. A refused form comes back, by Post/Redirect/Get, with each problem beside
 * its field and what was typed still in it; a new campaign opens on its next step.
 */
@WebPage
record CampaignsPageController(Campaigns campaigns, AdGroups adGroups) {
    static final String PATH = "/ads/campaigns";
    static final String NEW = PATH + "/new";
    private static final int PAGE_SIZE = 20;
    private static final Campaigns.CampaignFilter ALL =
            new Campaigns.CampaignFilter(List.of(), null, null, null);

    /** A row's edit form, as typed. */
    record CampaignEdit(String campaignName, String budget) implements Serializable {}

    record CampaignRow(Campaign campaign, long adGroups) {}

    @GetMapping(PATH)
    String list(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @ModelAttribute(name = "params", binding = true) SortedPage params,
            Model model) {
        FormOutcome.showList(model);
        return page(advertiserId, params, model);
    }

    @GetMapping(NEW)
    String form(Model model) {
        FormOutcome.showForm(model, CampaignForm::initial);
        return "campaigns/campaign-form";
    }

    @PostMapping(PATH)
    String create(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @ModelAttribute("form") CampaignForm form,
            RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        Campaigns.NewCampaign draft = form.read(errors);
        if (draft != null) {
            try {
                Campaign created = campaigns.create(advertiserId, draft);
                return FormOutcome.created(
                        redirect,
                        "Campaign “" + created.campaignName() + "” created",
                        PATH + "/" + created.id());
            } catch (Refusal refusal) {
                errors.refused(refusal, CampaignForm.FIELDS);
            }
        }
        return FormOutcome.refused(redirect, form, errors, NEW);
    }

    /** Renames a campaign or changes its budget; the budget mode stays as created. */
    @PostMapping(PATH + "/{campaignId}")
    String edit(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long campaignId,
            @ModelAttribute("edit") CampaignEdit edit,
            @ModelAttribute(name = "list", binding = true) SortedPage list,
            RedirectAttributes redirect) {
        Campaign campaign = campaigns.get(advertiserId, campaignId);
        String row = "campaign-" + campaignId;
        FormErrors errors = new FormErrors();
        String name =
                errors.required(
                        row + "-name", edit.campaignName(), 512, "Enter a name for the campaign");
        BigDecimal budget =
                CampaignForm.amount(row + "-budget", campaign.budgetMode(), edit.budget(), errors);
        if (errors.isEmpty()) {
            try {
                Campaign saved = campaigns.change(advertiserId, campaignId, name, budget);
                return FormOutcome.saved(
                        redirect,
                        "Campaign “" + saved.campaignName() + "” saved",
                        campaignId,
                        list,
                        PATH);
            } catch (Refusal refusal) {
                errors.refused(
                        refusal, Map.of("campaign_name", row + "-name", "budget", row + "-budget"));
            }
        }
        return FormOutcome.editRefused(redirect, campaignId, edit, errors, list, PATH);
    }

    @PostMapping(PATH + "/status")
    String changeStatus(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam OperationStatus status,
            @ModelAttribute(name = "list", binding = true) SortedPage list,
            RedirectAttributes redirect) {
        StatusChange.apply(
                ids,
                status,
                "campaign",
                true,
                checked -> campaigns.updateStatus(advertiserId, checked, status),
                redirect);
        // Deleting empties rows: back to the first page.
        return FormOutcome.backTo(
                redirect,
                status == OperationStatus.DELETE
                        ? new SortedPage(list.sort(), list.dir(), null, list.size())
                        : list,
                PATH);
    }

    private String page(long advertiserId, SortedPage params, Model model) {
        Campaigns.Sort sort = params.column(Campaigns.Sort.class, Campaigns.Sort.CREATED);
        PageRequest request = params.request(PAGE_SIZE);
        List<CampaignRow> rows =
                campaigns.list(advertiserId, ALL, sort, params.ascending(), request).stream()
                        .map(
                                c ->
                                        new CampaignRow(
                                                c,
                                                adGroups.count(
                                                        advertiserId, List.of(c.id()), List.of())))
                        .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("paging", PageInfo.of(request, campaigns.count(advertiserId, ALL)));
        model.addAttribute(
                "address", params.address(PATH, Map.of(), Campaigns.Sort.CREATED, PAGE_SIZE));
        return "campaigns/campaigns";
    }
}
