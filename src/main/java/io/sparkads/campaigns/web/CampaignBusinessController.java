package io.sparkads.campaigns.web;

import static io.sparkads.campaigns.web.BusinessFiltering.ids;
import static io.sparkads.campaigns.web.BusinessFiltering.onlyKnown;
import static io.sparkads.campaigns.web.BusinessFiltering.status;
import static io.sparkads.campaigns.web.BusinessFiltering.text;

import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.Campaign;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.Objective;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.campaigns.web.BusinessFiltering.Listing;
import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.common.Ids;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.TikTokTimes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code campaign/*} of the Business API, in TikTok's shapes. */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
record CampaignBusinessController(Campaigns campaigns) {
    record CampaignCreate(
            String advertiserId,
            String campaignName,
            String objectiveType,
            String budgetMode,
            BigDecimal budget) {}

    record CampaignUpdate(
            String advertiserId, String campaignId, String campaignName, BigDecimal budget) {}

    record CampaignStatus(String advertiserId, List<String> campaignIds, String operationStatus) {}

    /** A campaign as TikTok shows it; {@code budget} is 0 without a limit. */
    record CampaignView(
            String advertiserId,
            String campaignId,
            String campaignName,
            Objective objectiveType,
            BudgetMode budgetMode,
            Number budget,
            OperationStatus operationStatus,
            String secondaryStatus,
            String createTime,
            String modifyTime) {
        static CampaignView of(Campaign c) {
            return new CampaignView(
                    String.valueOf(c.advertiserId()),
                    String.valueOf(c.id()),
                    c.campaignName(),
                    c.objectiveType(),
                    c.budgetMode(),
                    c.budget() == null ? 0 : c.budget(),
                    c.operationStatus(),
                    "CAMPAIGN_STATUS_" + c.operationStatus().name(),
                    TikTokTimes.format(c.createTime()),
                    TikTokTimes.format(c.modifyTime()));
        }
    }

    record StatusChanged(List<String> campaignIds, OperationStatus status) {}

    @PostMapping("/campaign/create/")
    BusinessEnvelope createCampaign(BusinessCaller caller, @RequestBody CampaignCreate body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        Campaign campaign =
                campaigns.create(
                        advertiserId,
                        Campaigns.NewCampaign.of(
                                body.campaignName(),
                                body.objectiveType(),
                                body.budgetMode(),
                                body.budget()));
        return BusinessEnvelope.ok(CampaignView.of(campaign));
    }

    @GetMapping("/campaign/get/")
    BusinessEnvelope getCampaigns(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        JsonNode filtering = params.object("filtering");
        onlyKnown(filtering, "campaign_ids", "objective_type", "campaign_name", "secondary_status");
        Campaigns.CampaignFilter filter =
                new Campaigns.CampaignFilter(
                        ids(filtering, "campaign_ids"),
                        text(filtering, "objective_type"),
                        text(filtering, "campaign_name"),
                        campaignStatus(text(filtering, "secondary_status")));
        PageRequest page = params.page(10);
        return BusinessEnvelope.ok(
                new Listing<>(
                        campaigns.list(advertiserId, filter, page).stream()
                                .map(CampaignView::of)
                                .toList(),
                        PageInfo.of(page, campaigns.count(advertiserId, filter))));
    }

    @PostMapping("/campaign/update/")
    BusinessEnvelope updateCampaign(BusinessCaller caller, @RequestBody CampaignUpdate body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        Campaign changed =
                campaigns.change(
                        advertiserId,
                        Ids.require("campaign_id", body.campaignId()),
                        body.campaignName(),
                        body.budget());
        return BusinessEnvelope.ok(CampaignView.of(changed));
    }

    @PostMapping("/campaign/status/update/")
    BusinessEnvelope updateCampaignStatus(BusinessCaller caller, @RequestBody CampaignStatus body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        OperationStatus status = status(body.operationStatus());
        campaigns.updateStatus(advertiserId, ids("campaign_ids", body.campaignIds()), status);
        return BusinessEnvelope.ok(new StatusChanged(body.campaignIds(), status));
    }

    private static OperationStatus campaignStatus(String secondaryStatus) {
        if (secondaryStatus == null || secondaryStatus.equals("CAMPAIGN_STATUS_NOT_DELETE")) {
            return null;
        }
        return switch (secondaryStatus) {
            case "CAMPAIGN_STATUS_ENABLE" -> OperationStatus.ENABLE;
            case "CAMPAIGN_STATUS_DISABLE" -> OperationStatus.DISABLE;
            case "CAMPAIGN_STATUS_DELETE" -> OperationStatus.DELETE;
            default ->
                    throw BusinessApiException.parameter(
                            "filtering.secondary_status must be CAMPAIGN_STATUS_ENABLE, CAMPAIGN_STATUS_DISABLE, CAMPAIGN_STATUS_DELETE or CAMPAIGN_STATUS_NOT_DELETE");
        };
    }
}
