package io.sparkads.campaigns.web;

import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.Campaign;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.Objective;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ads Manager › Campaigns: the ad account's campaigns with their objective, budget and status;
 * creating one, renaming it or changing its budget, and enabling, disabling or deleting several at
 * once. A refused form comes back with the reason beside it and what was typed still in it.
 */
@WebPage
record CampaignsPageController(Campaigns campaigns, AdGroups adGroups) {
    static final String PATH = "/ads/campaigns";
    private static final int PAGE_SIZE = 20;

    /** The create form, as typed. */
    record CampaignForm(
            String campaignName, String objectiveType, String budgetMode, String budget) {
        static CampaignForm initial() {
            return new CampaignForm(
                    "", Objective.TRAFFIC.name(), BudgetMode.BUDGET_MODE_DAY.name(), "");
        }
    }

    /** A row's edit form, as typed. */
    record CampaignEdit(String campaignName, String budget) {}

    record CampaignRow(Campaign campaign, long adGroups) {}

    @GetMapping(PATH)
    String list(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("form", CampaignForm.initial());
        return page(advertiserId, page, model);
    }

    @PostMapping(PATH)
    String create(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @ModelAttribute("form") CampaignForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Campaign created =
                    campaigns.create(
                            advertiserId,
                            Campaigns.NewCampaign.of(
                                    form.campaignName(),
                                    form.objectiveType(),
                                    form.budgetMode(),
                                    FormValues.amount("Budget", form.budget())));
            return FormOutcome.saved(
                    redirect,
                    "Campaign “" + created.campaignName() + "” created; add an ad group to it next",
                    created.id(),
                    1,
                    PATH);
        } catch (Refusal refusal) {
            FormOutcome.refused(model, response, "createError", refusal.getMessage());
            return page(advertiserId, 1, model);
        }
    }

    /** Renames a campaign or changes its budget; the budget mode stays as created. */
    @PostMapping(PATH + "/{campaignId}")
    String edit(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long campaignId,
            @ModelAttribute("edit") CampaignEdit edit,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Campaign campaign = campaigns.get(advertiserId, campaignId);
        try {
            Campaign saved =
                    campaigns.change(
                            advertiserId,
                            campaignId,
                            edit.campaignName() == null ? "" : edit.campaignName(),
                            campaign.budgetMode().limited()
                                    ? FormValues.amount("Budget", edit.budget())
                                    : null);
            return FormOutcome.saved(
                    redirect,
                    "Campaign “" + saved.campaignName() + "” saved",
                    campaignId,
                    page,
                    PATH);
        } catch (Refusal refusal) {
            model.addAttribute("editId", campaignId);
            model.addAttribute("form", CampaignForm.initial());
            FormOutcome.refused(model, response, "editError", refusal.getMessage());
            return page(advertiserId, page, model);
        }
    }

    @PostMapping(PATH + "/status")
    String changeStatus(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam OperationStatus status,
            @RequestParam(defaultValue = "1") int page,
            RedirectAttributes redirect) {
        StatusChange.apply(
                ids,
                status,
                "campaign",
                true,
                checked -> campaigns.updateStatus(advertiserId, checked, status),
                redirect);
        // Deleting empties rows: back to the first page.
        return FormOutcome.backTo(redirect, status == OperationStatus.DELETE ? 1 : page, PATH);
    }

    private String page(long advertiserId, int page, Model model) {
        PageRequest request = new PageRequest(Math.max(1, page), PAGE_SIZE);
        List<CampaignRow> rows =
                campaigns.list(advertiserId, List.of(), request).stream()
                        .map(
                                c ->
                                        new CampaignRow(
                                                c,
                                                adGroups.count(
                                                        advertiserId, List.of(c.id()), List.of())))
                        .toList();
        model.addAttribute("rows", rows);
        model.addAttribute(
                "paging", PageInfo.of(request, campaigns.count(advertiserId, List.of())));
        return "campaigns/campaigns";
    }
}
