package io.sparkads.campaigns.web;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaign;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.OperationStatus;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code campaign/*}, {@code adgroup/*} and {@code ad/*} of the Business API, in TikTok's shapes.
 */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
class CampaignTreeBusinessController {
    private final Campaigns campaigns;
    private final AdGroups adGroups;
    private final Ads ads;
    private final io.sparkads.campaigns.SparkAdQuota quota;
    private final java.time.Clock clock;
    private final io.sparkads.accounts.Advertisers advertisers;

    CampaignTreeBusinessController(
            io.sparkads.accounts.Advertisers advertisers,
            Campaigns campaigns,
            AdGroups adGroups,
            Ads ads,
            io.sparkads.campaigns.SparkAdQuota quota,
            java.time.Clock clock) {
        this.clock = clock;
        this.advertisers = advertisers;
        this.campaigns = campaigns;
        this.adGroups = adGroups;
        this.ads = ads;
        this.quota = quota;
    }

    /** The Spark Ads quota of the ad account: its limit, and how many places are left. */
    @GetMapping("/ad/quota/get/")
    BusinessEnvelope quota(BusinessCaller caller, @RequestParam Map<String, String> query) {
        long advertiserId = caller.advertiser(new BusinessParams(query).advertiserId());
        int remaining = quota.remaining(advertiserId);
        return BusinessEnvelope.ok(
                Map.of(
                        "spark_ads_limit",
                        quota.limit(),
                        "spark_ads_used",
                        quota.limit() - remaining,
                        "spark_ads_remaining",
                        remaining));
    }

    // ---- campaigns

    record CampaignCreate(
            String advertiserId,
            String campaignName,
            String objectiveType,
            String budgetMode,
            BigDecimal budget) {}

    @PostMapping("/campaign/create/")
    BusinessEnvelope createCampaign(BusinessCaller caller, @RequestBody CampaignCreate body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        Campaign campaign =
                campaigns.create(
                        advertiserId,
                        new Campaigns.NewCampaign(
                                body.campaignName(),
                                body.objectiveType(),
                                body.budgetMode(),
                                body.budget()));
        return BusinessEnvelope.ok(view(campaign));
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
        List<Map<String, Object>> list =
                campaigns.list(advertiserId, filter, page).stream().map(this::view).toList();
        return BusinessEnvelope.ok(
                Map.of(
                        "list",
                        list,
                        "page_info",
                        PageInfo.of(page, campaigns.count(advertiserId, filter))));
    }

    record CampaignUpdate(
            String advertiserId, String campaignId, String campaignName, BigDecimal budget) {}

    @PostMapping("/campaign/update/")
    BusinessEnvelope updateCampaign(BusinessCaller caller, @RequestBody CampaignUpdate body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        return BusinessEnvelope.ok(
                view(
                        campaigns.update(
                                advertiserId,
                                Ids.require("campaign_id", body.campaignId()),
                                body.campaignName(),
                                body.budget())));
    }

    record CampaignStatus(String advertiserId, List<String> campaignIds, String operationStatus) {}

    @PostMapping("/campaign/status/update/")
    BusinessEnvelope updateCampaignStatus(BusinessCaller caller, @RequestBody CampaignStatus body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        OperationStatus status = status(body.operationStatus());
        List<Long> ids = ids("campaign_ids", body.campaignIds());
        campaigns.updateStatus(advertiserId, ids, status);
        return BusinessEnvelope.ok(
                Map.of("campaign_ids", body.campaignIds(), "status", status.name()));
    }

    private Map<String, Object> view(Campaign c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("advertiser_id", String.valueOf(c.advertiserId()));
        v.put("campaign_id", String.valueOf(c.id()));
        v.put("campaign_name", c.campaignName());
        v.put("objective_type", c.objectiveType());
        v.put("budget_mode", c.budgetMode());
        v.put("budget", c.budget() == null ? 0 : c.budget());
        v.put("operation_status", c.operationStatus().name());
        v.put(
                "secondary_status",
                "CAMPAIGN_STATUS_"
                        + (c.operationStatus() == OperationStatus.ENABLE
                                ? "ENABLE"
                                : c.operationStatus().name()));
        v.put("create_time", TikTokTimes.format(c.createTime()));
        v.put("modify_time", TikTokTimes.format(c.modifyTime()));
        return v;
    }

    // ---- ad groups

    record AdGroupCreate(
            String advertiserId,
            String adgroupId,
            String campaignId,
            String adgroupName,
            String adPlacement,
            String placementType,
            List<String> placements,
            List<String> locationIds,
            List<String> ageGroups,
            String gender,
            List<String> languages,
            List<String> interestCategoryIds,
            List<String> operatingSystems,
            String budgetMode,
            BigDecimal budget,
            String scheduleType,
            String scheduleStartTime,
            String scheduleEndTime,
            String billingEvent,
            BigDecimal bidPrice,
            String optimizationGoal,
            Integer frequency,
            Integer frequencySchedule,
            String dayparting,
            Integer topviewDailyImpressions) {}

    @PostMapping("/adgroup/create/")
    BusinessEnvelope createAdGroup(BusinessCaller caller, @RequestBody AdGroupCreate body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        AdGroup adGroup =
                adGroups.create(
                        advertiserId,
                        draft(
                                Ids.require("campaign_id", body.campaignId()),
                                body,
                                zoneOf(advertiserId)));
        return BusinessEnvelope.ok(view(adGroup));
    }

    @GetMapping("/adgroup/get/")
    BusinessEnvelope getAdGroups(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        JsonNode filtering = params.object("filtering");
        onlyKnown(filtering, "campaign_ids", "adgroup_ids");
        List<Long> campaignIds = ids(filtering, "campaign_ids");
        List<Long> ids = ids(filtering, "adgroup_ids");
        PageRequest page = params.page(10);
        List<Map<String, Object>> list =
                adGroups.list(advertiserId, campaignIds, ids, page).stream()
                        .map(this::view)
                        .toList();
        return BusinessEnvelope.ok(
                Map.of(
                        "list",
                        list,
                        "page_info",
                        PageInfo.of(page, adGroups.count(advertiserId, campaignIds, ids))));
    }

    @PostMapping("/adgroup/update/")
    BusinessEnvelope updateAdGroup(BusinessCaller caller, @RequestBody AdGroupCreate body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        long adgroupId = Ids.require("adgroup_id", body.adgroupId());
        // A patch: what the body leaves out keeps its value.
        AdGroup adGroup =
                adGroups.update(advertiserId, adgroupId, draft(0, body, zoneOf(advertiserId)));
        return BusinessEnvelope.ok(view(adGroup));
    }

    /** The ad group a request describes; schedule times are in the ad account's time zone. */
    private static AdGroups.NewAdGroup draft(
            long campaignId, AdGroupCreate body, java.time.ZoneId zone) {
        return new AdGroups.NewAdGroup(
                campaignId,
                body.adgroupName(),
                body.adPlacement(),
                body.locationIds(),
                body.ageGroups(),
                body.gender(),
                body.languages(),
                body.interestCategoryIds(),
                body.operatingSystems(),
                body.budgetMode(),
                body.budget(),
                body.scheduleType(),
                TikTokTimes.parse("schedule_start_time", body.scheduleStartTime(), zone),
                TikTokTimes.parse("schedule_end_time", body.scheduleEndTime(), zone),
                body.billingEvent(),
                body.bidPrice(),
                body.optimizationGoal(),
                body.frequency(),
                body.frequencySchedule(),
                body.dayparting(),
                body.topviewDailyImpressions());
    }

    record AdGroupStatus(String advertiserId, List<String> adgroupIds, String operationStatus) {}

    @PostMapping("/adgroup/status/update/")
    BusinessEnvelope updateAdGroupStatus(BusinessCaller caller, @RequestBody AdGroupStatus body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        OperationStatus status = status(body.operationStatus());
        adGroups.updateStatus(advertiserId, ids("adgroup_ids", body.adgroupIds()), status);
        return BusinessEnvelope.ok(
                Map.of("adgroup_ids", body.adgroupIds(), "status", status.name()));
    }

    private Map<String, Object> view(AdGroup g) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("advertiser_id", String.valueOf(g.advertiserId()));
        v.put("campaign_id", String.valueOf(g.campaignId()));
        v.put("adgroup_id", String.valueOf(g.id()));
        v.put("adgroup_name", g.adgroupName());
        v.put("ad_placement", g.placement());
        v.put("placement_type", "PLACEMENT_TYPE_NORMAL");
        v.put("placements", List.of("PLACEMENT_TIKTOK"));
        v.put("location_ids", g.locationIds());
        v.put("age_groups", g.ageGroups());
        v.put("gender", g.gender());
        v.put("languages", g.languages());
        v.put("interest_category_ids", g.interestCategoryIds());
        v.put("operating_systems", g.operatingSystems());
        v.put("budget_mode", g.budgetMode());
        v.put("budget", g.budget() == null ? 0 : g.budget());
        v.put("schedule_type", g.scheduleType());
        // Schedules read in the ad account's time zone, as its daily budgets and reports do.
        java.time.ZoneId zone = zoneOf(g.advertiserId());
        v.put("schedule_start_time", TikTokTimes.format(g.scheduleStartTime(), zone));
        v.put("schedule_end_time", TikTokTimes.format(g.scheduleEndTime(), zone));
        v.put("schedule_time_zone", zone.getId());
        v.put("billing_event", g.billingEvent());
        v.put("bid_price", g.bidPrice());
        v.put("optimization_goal", g.optimizationGoal());
        v.put("frequency", g.frequency());
        v.put("frequency_schedule", g.frequencySchedule());
        v.put("dayparting", g.dayparting());
        v.put("topview_daily_impressions", g.topviewDailyImpressions());
        v.put("operation_status", g.operationStatus().name());
        v.put("secondary_status", adGroupStatus(g));
        v.put("create_time", TikTokTimes.format(g.createTime()));
        v.put("modify_time", TikTokTimes.format(g.modifyTime()));
        return v;
    }

    private java.time.ZoneId zoneOf(long advertiserId) {
        return advertisers.timezone(advertiserId);
    }

    /** TikTok's {@code secondary_status} of an ad group. */
    private String adGroupStatus(AdGroup g) {
        if (g.operationStatus() == OperationStatus.DELETE) {
            return "ADGROUP_STATUS_DELETE";
        }
        if (campaigns.get(g.advertiserId(), g.campaignId()).operationStatus()
                != OperationStatus.ENABLE) {
            return "ADGROUP_STATUS_CAMPAIGN_DISABLE";
        }
        if (g.operationStatus() == OperationStatus.DISABLE) {
            return "ADGROUP_STATUS_DISABLE";
        }
        java.time.Instant now = clock.instant();
        if (now.isBefore(g.scheduleStartTime())) {
            return "ADGROUP_STATUS_NOT_START";
        }
        if (g.scheduleEndTime() != null && !now.isBefore(g.scheduleEndTime())) {
            return "ADGROUP_STATUS_TIME_DONE";
        }
        return "ADGROUP_STATUS_DELIVERY_OK";
    }

    // ---- ads

    record Creative(
            String adId,
            String adName,
            String identityType,
            String identityId,
            String tiktokItemId,
            String adFormat,
            String adText,
            String callToAction,
            String landingPageUrl,
            String videoId) {}

    record AdCreate(String advertiserId, String adgroupId, List<Creative> creatives) {}

    @PostMapping("/ad/create/")
    BusinessEnvelope createAds(BusinessCaller caller, @RequestBody AdCreate body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        long adgroupId = Ids.require("adgroup_id", body.adgroupId());
        List<Ads.NewAd> drafts = new ArrayList<>();
        List<Creative> creatives = body.creatives() == null ? List.of() : body.creatives();
        for (int i = 0; i < creatives.size(); i++) {
            drafts.add(draft(creatives.get(i), i));
        }
        List<Ad> created = ads.create(advertiserId, adgroupId, drafts);
        return BusinessEnvelope.ok(
                Map.of(
                        "ad_ids", created.stream().map(a -> String.valueOf(a.id())).toList(),
                        "creatives", created.stream().map(this::view).toList()));
    }

    @GetMapping("/ad/get/")
    BusinessEnvelope getAds(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        JsonNode filtering = params.object("filtering");
        onlyKnown(filtering, "campaign_ids", "adgroup_ids", "ad_ids");
        Ads.AdListFilter filter =
                new Ads.AdListFilter(
                        ids(filtering, "campaign_ids"),
                        ids(filtering, "adgroup_ids"),
                        ids(filtering, "ad_ids"));
        PageRequest page = params.page(10);
        List<Map<String, Object>> list =
                ads.list(advertiserId, filter, page).stream().map(this::view).toList();
        return BusinessEnvelope.ok(
                Map.of(
                        "list",
                        list,
                        "page_info",
                        PageInfo.of(page, ads.count(advertiserId, filter))));
    }

    @PostMapping("/ad/update/")
    BusinessEnvelope updateAds(BusinessCaller caller, @RequestBody AdCreate body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        List<Creative> creatives = body.creatives() == null ? List.of() : body.creatives();
        if (creatives.isEmpty()) {
            throw BusinessApiException.parameter(
                    "creatives must hold the ads to update, each with its ad_id");
        }
        java.util.LinkedHashMap<Long, Ads.NewAd> patches = new java.util.LinkedHashMap<>();
        for (int i = 0; i < creatives.size(); i++) {
            Creative c = creatives.get(i);
            if (c == null) {
                throw BusinessApiException.parameter("creatives[" + i + "] must be an object");
            }
            patches.put(Ids.require("creatives[" + i + "].ad_id", c.adId()), draft(c, i));
        }
        List<Map<String, Object>> updated =
                ads.updateAll(advertiserId, patches).stream().map(this::view).toList();
        return BusinessEnvelope.ok(
                Map.of(
                        "ad_ids",
                        updated.stream().map(v -> v.get("ad_id")).toList(),
                        "creatives",
                        updated));
    }

    record AdStatus(String advertiserId, List<String> adIds, String operationStatus) {}

    @PostMapping("/ad/status/update/")
    BusinessEnvelope updateAdStatus(BusinessCaller caller, @RequestBody AdStatus body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        OperationStatus status = status(body.operationStatus());
        ads.updateStatus(advertiserId, ids("ad_ids", body.adIds()), status);
        return BusinessEnvelope.ok(Map.of("ad_ids", body.adIds(), "status", status.name()));
    }

    private Map<String, Object> view(Ad a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("advertiser_id", String.valueOf(a.advertiserId()));
        v.put("campaign_id", String.valueOf(a.campaignId()));
        v.put("adgroup_id", String.valueOf(a.adgroupId()));
        v.put("ad_id", String.valueOf(a.id()));
        v.put("ad_name", a.adName());
        v.put("ad_format", "SINGLE_VIDEO");
        v.put("identity_type", a.identityType());
        v.put("identity_id", a.identityId());
        v.put("tiktok_item_id", a.tiktokItemId() == null ? null : String.valueOf(a.tiktokItemId()));
        v.put("is_spark", a.spark());
        v.put("video_id", a.videoId() == null ? null : String.valueOf(a.videoId()));
        v.put("ad_text", a.adText());
        v.put("call_to_action", a.callToAction());
        v.put("landing_page_url", a.landingPageUrl());
        v.put("operation_status", a.operationStatus().name());
        v.put("secondary_status", a.secondaryStatus());
        v.put("reject_reason", a.rejectReason());
        v.put("authorization_reason", a.authorizationReason());
        v.put("create_time", TikTokTimes.format(a.createTime()));
        v.put("modify_time", TikTokTimes.format(a.modifyTime()));
        return v;
    }

    // ---- helpers

    /** The ad a request's {@code creatives[i]} describes. */
    private static Ads.NewAd draft(Creative c, int i) {
        if (c == null) {
            throw BusinessApiException.parameter("creatives[" + i + "] must be an object");
        }
        if (c.adFormat() != null && !c.adFormat().equals("SINGLE_VIDEO")) {
            throw BusinessApiException.parameter(
                    "creatives[" + i + "].ad_format must be SINGLE_VIDEO");
        }
        return new Ads.NewAd(
                c.adName(),
                c.identityType(),
                c.identityId(),
                c.tiktokItemId() == null
                        ? null
                        : Ids.require("creatives[" + i + "].tiktok_item_id", c.tiktokItemId()),
                c.adText(),
                c.callToAction(),
                c.landingPageUrl(),
                c.videoId() == null
                        ? null
                        : Ids.require("creatives[" + i + "].video_id", c.videoId()));
    }

    private static OperationStatus status(String raw) {
        if (raw == null) {
            throw BusinessApiException.parameter(
                    "operation_status is required: ENABLE, DISABLE or DELETE");
        }
        try {
            return OperationStatus.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw BusinessApiException.parameter(
                    "operation_status must be ENABLE, DISABLE or DELETE; was '" + raw + "'");
        }
    }

    private static List<Long> ids(String field, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw BusinessApiException.parameter(field + " must name at least one id");
        }
        return raw.stream().map(r -> Ids.require(field, r)).toList();
    }

    /** Refuses filters this server does not apply, rather than ignoring them silently. */
    private static void onlyKnown(JsonNode filtering, String... known) {
        List<String> allowed = List.of(known);
        for (String name : filtering.propertyNames()) {
            if (!allowed.contains(name)) {
                throw BusinessApiException.parameter(
                        "filtering."
                                + name
                                + " is not supported here; filter on "
                                + String.join(", ", allowed));
            }
        }
    }

    private static String text(JsonNode filtering, String field) {
        JsonNode node = filtering.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw BusinessApiException.parameter("filtering." + field + " must be a string");
        }
        return node.asString();
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

    private static List<Long> ids(JsonNode filtering, String field) {
        JsonNode node = filtering.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw BusinessApiException.parameter("filtering." + field + " must be an array of ids");
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : node) {
            ids.add(Ids.require("filtering." + field, item.asString()));
        }
        return ids;
    }
}
