package io.sparkads.campaigns.web;

import io.sparkads.accounts.Advertisers;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdGroupChange;
import io.sparkads.campaigns.AdGroupChange.ChangeBid;
import io.sparkads.campaigns.AdGroupChange.ChangeBudget;
import io.sparkads.campaigns.AdGroupChange.Rename;
import io.sparkads.campaigns.AdGroupSettings;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.AdPlacement;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Bid;
import io.sparkads.campaigns.Billing;
import io.sparkads.campaigns.Budget;
import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.Campaign;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.campaigns.Schedule;
import io.sparkads.campaigns.ScheduleType;
import io.sparkads.campaigns.Targeting;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * Ads Manager › Campaigns › a campaign: its ad groups with placement, audience, schedule and bid;
 * creating one, editing its name, budget or bid, and enabling or disabling several at once.
 */
@WebPage
record CampaignPageController(
        Campaigns campaigns, AdGroups adGroups, Ads ads, Clock clock, Advertisers advertisers) {
    private static final int PAGE_SIZE = 20;

    /** Schedules are entered and shown in the ad account's time zone. */
    private ZoneId zone(long advertiserId) {
        return advertisers.timezone(advertiserId);
    }

    /**
     * The create form, as typed: lists of codes as comma-separated text, times as a {@code
     * datetime-local} input sends them, in the ad account's time zone.
     */
    record AdGroupForm(
            String adgroupName,
            String placement,
            String locations,
            List<String> ageGroups,
            String gender,
            String languages,
            List<String> operatingSystems,
            String scheduleStart,
            String scheduleEnd,
            String budgetMode,
            String budget,
            String billingEvent,
            String bidPrice,
            String optimizationGoal,
            String topviewDailyImpressions,
            String frequency,
            String frequencySchedule) {

        static AdGroupForm initial(String billingEvent, Instant now, ZoneId zone) {
            return new AdGroupForm(
                    "",
                    AdPlacement.IN_FEED.name(),
                    "US",
                    List.of(),
                    "GENDER_UNLIMITED",
                    "",
                    List.of(),
                    FormValues.local(now.truncatedTo(ChronoUnit.HOURS), zone),
                    "",
                    BudgetMode.BUDGET_MODE_INFINITE.name(),
                    "",
                    billingEvent,
                    "",
                    "",
                    "",
                    "",
                    "");
        }

        /** Whether the form asks for the value, for checkboxes shown again after a refusal. */
        public boolean has(List<String> values, String value) {
            return values != null && values.contains(value);
        }

        /** The ad group the form describes; a schedule with an end and no start starts now. */
        AdGroupSettings toSettings(Instant now, ZoneId zone) {
            Instant start = FormValues.at("Start", scheduleStart, zone);
            Instant end = FormValues.at("End", scheduleEnd, zone);
            AdPlacement adPlacement = AdPlacement.of(placement);
            return new AdGroupSettings(
                    adgroupName,
                    adPlacement,
                    FormValues.whole("Daily impressions", topviewDailyImpressions),
                    new Targeting(
                            FormValues.list(locations, true),
                            FormValues.orEmpty(ageGroups),
                            gender,
                            FormValues.list(languages, false),
                            List.of(),
                            FormValues.orEmpty(operatingSystems)),
                    Budget.of(
                            budgetMode,
                            FormValues.amount("Budget", budget),
                            BudgetMode.BUDGET_MODE_INFINITE),
                    Schedule.of(
                            end == null
                                    ? ScheduleType.SCHEDULE_FROM_NOW
                                    : ScheduleType.SCHEDULE_START_END,
                            end != null && start == null ? now : start,
                            end,
                            now),
                    Bid.of(
                            Billing.of(billingEvent),
                            FormValues.amount("Bid price", bidPrice),
                            FormValues.text(optimizationGoal)),
                    AdGroupSettings.frequencyCap(
                            adPlacement,
                            FormValues.whole("Frequency cap", frequency),
                            FormValues.whole("Frequency cap days", frequencySchedule)),
                    null);
        }
    }

    /** A row's edit form, as typed. */
    record AdGroupEdit(String adgroupName, String budget, String bidPrice) {}

    record AdGroupRow(AdGroup adGroup, long ads) {}

    @GetMapping("/ads/campaigns/{campaignId}")
    String campaign(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long campaignId,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        Campaign campaign = campaigns.get(advertiserId, campaignId);
        model.addAttribute("form", initialForm(campaign));
        return page(advertiserId, campaign, page, model);
    }

    @PostMapping("/ads/campaigns/{campaignId}/adgroups")
    String create(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long campaignId,
            @ModelAttribute("form") AdGroupForm form,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        Campaign campaign = campaigns.get(advertiserId, campaignId);
        try {
            AdGroup created =
                    adGroups.create(
                            advertiserId,
                            campaignId,
                            form.toSettings(clock.instant(), zone(advertiserId)));
            return FormOutcome.saved(
                    redirect,
                    "Ad group “" + created.adgroupName() + "” created; add ads to it next",
                    created.id(),
                    1,
                    "/ads/campaigns/" + campaignId);
        } catch (Refusal refusal) {
            FormOutcome.refused(model, response, "createError", refusal.getMessage());
            return page(advertiserId, campaign, 1, model);
        }
    }

    /** Renames an ad group or changes its budget or bid; its ads pick the change up at once. */
    @PostMapping("/ads/adgroups/{adgroupId}")
    String edit(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long adgroupId,
            @ModelAttribute("edit") AdGroupEdit edit,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        AdGroup adGroup = adGroups.get(advertiserId, adgroupId);
        try {
            AdGroup saved = adGroups.change(advertiserId, adgroupId, was -> edited(was, edit));
            return FormOutcome.saved(
                    redirect,
                    "Ad group “" + saved.adgroupName() + "” saved",
                    adgroupId,
                    page,
                    "/ads/campaigns/" + adGroup.campaignId());
        } catch (Refusal refusal) {
            Campaign campaign = campaigns.get(advertiserId, adGroup.campaignId());
            model.addAttribute("editId", adgroupId);
            model.addAttribute("form", initialForm(campaign));
            FormOutcome.refused(model, response, "editError", refusal.getMessage());
            return page(advertiserId, campaign, page, model);
        }
    }

    /** A row's edit renames the ad group and changes its bid and, if it has one, its budget. */
    private static List<AdGroupChange> edited(AdGroupSettings was, AdGroupEdit edit) {
        List<AdGroupChange> changes = new ArrayList<>();
        changes.add(new Rename(edit.adgroupName() == null ? "" : edit.adgroupName()));
        if (was.budget().mode().limited()) {
            BigDecimal budget = required("Budget", edit.budget());
            changes.add(new ChangeBudget(was.budget().withAmount(budget)));
        }
        BigDecimal bidPrice = required("Bid price", edit.bidPrice());
        changes.add(new ChangeBid(was.bid().withPrice(bidPrice)));
        return changes;
    }

    @PostMapping("/ads/campaigns/{campaignId}/adgroups/status")
    String changeStatus(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long campaignId,
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam OperationStatus status,
            @RequestParam(defaultValue = "1") int page,
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
        return FormOutcome.backTo(redirect, page, "/ads/campaigns/" + campaignId);
    }

    private AdGroupForm initialForm(Campaign campaign) {
        return AdGroupForm.initial(
                campaign.objectiveType().billings().get(0).name(),
                clock.instant(),
                zone(campaign.advertiserId()));
    }

    private String page(long advertiserId, Campaign campaign, int page, Model model) {
        model.addAttribute("zone", zone(advertiserId));
        PageRequest request = new PageRequest(Math.max(1, page), PAGE_SIZE);
        List<Long> of = List.of(campaign.id());
        List<AdGroupRow> rows =
                adGroups.list(advertiserId, of, List.of(), request).stream()
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
        return "campaigns/campaign";
    }

    private static BigDecimal required(String label, String value) {
        BigDecimal amount = FormValues.amount(label, value);
        if (amount == null) {
            throw Refusal.invalid(label + " is required");
        }
        return amount;
    }
}
