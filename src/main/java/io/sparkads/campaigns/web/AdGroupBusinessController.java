package io.sparkads.campaigns.web;

import static io.sparkads.campaigns.web.BusinessFiltering.ids;
import static io.sparkads.campaigns.web.BusinessFiltering.onlyKnown;
import static io.sparkads.campaigns.web.BusinessFiltering.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.sparkads.accounts.Advertisers;
import io.sparkads.campaigns.AdGroup;
import io.sparkads.campaigns.AdGroupChange;
import io.sparkads.campaigns.AdGroupChange.ChangeBid;
import io.sparkads.campaigns.AdGroupChange.ChangeBudget;
import io.sparkads.campaigns.AdGroupChange.ChangeDayparting;
import io.sparkads.campaigns.AdGroupChange.ChangeFrequencyCap;
import io.sparkads.campaigns.AdGroupChange.ChangePacing;
import io.sparkads.campaigns.AdGroupChange.ChangePlacement;
import io.sparkads.campaigns.AdGroupChange.ChangeSchedule;
import io.sparkads.campaigns.AdGroupChange.ChangeTargeting;
import io.sparkads.campaigns.AdGroupChange.Rename;
import io.sparkads.campaigns.AdGroupSettings;
import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.AdPlacement;
import io.sparkads.campaigns.Bid;
import io.sparkads.campaigns.Billing;
import io.sparkads.campaigns.Budget;
import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.FrequencyCap;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.campaigns.OptimizationGoal;
import io.sparkads.campaigns.PacingMode;
import io.sparkads.campaigns.Schedule;
import io.sparkads.campaigns.ScheduleType;
import io.sparkads.campaigns.Targeting;
import io.sparkads.campaigns.web.BusinessFiltering.Listing;
import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.common.Ids;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.TikTokTimes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
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
 * {@code adgroup/*} of the Business API, in TikTok's shapes. Schedule times are read and shown in
 * the ad account's time zone, as its daily budgets and reports are.
 */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
record AdGroupBusinessController(
        Campaigns campaigns, AdGroups adGroups, Advertisers advertisers, Clock clock) {
    /** adgroup/create's body, and adgroup/update's, where what it leaves out keeps its value. */
    record AdGroupRequest(
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
            BigDecimal conversionBidPrice,
            String optimizationGoal,
            Integer frequency,
            Integer frequencySchedule,
            String dayparting,
            Integer topviewDailyImpressions,
            String pacing) {}

    /** The body's schedule times, read in the ad account's time zone; null where it names none. */
    record ScheduleTimes(Instant start, Instant end) {
        static ScheduleTimes of(AdGroupRequest body, ZoneId zone) {
            return new ScheduleTimes(
                    TikTokTimes.parse("schedule_start_time", body.scheduleStartTime(), zone),
                    TikTokTimes.parse("schedule_end_time", body.scheduleEndTime(), zone));
        }
    }

    record AdGroupStatus(String advertiserId, List<String> adgroupIds, String operationStatus) {}

    /**
     * An ad group as TikTok shows it; every ad group is a normal TikTok placement. The targeting's
     * fields stand flat in it, as TikTok writes them.
     */
    record AdGroupView(
            String advertiserId,
            String campaignId,
            String adgroupId,
            String adgroupName,
            AdPlacement adPlacement,
            String placementType,
            List<String> placements,
            @JsonUnwrapped Targeting targeting,
            BudgetMode budgetMode,
            Number budget,
            ScheduleType scheduleType,
            String scheduleStartTime,
            String scheduleEndTime,
            String scheduleTimeZone,
            Billing billingEvent,
            BigDecimal bidPrice,
            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal conversionBidPrice,
            OptimizationGoal optimizationGoal,
            Integer frequency,
            Integer frequencySchedule,
            String dayparting,
            Integer topviewDailyImpressions,
            PacingMode pacing,
            OperationStatus operationStatus,
            String secondaryStatus,
            String createTime,
            String modifyTime) {}

    record StatusChanged(List<String> adgroupIds, OperationStatus status) {}

    @PostMapping("/adgroup/create/")
    BusinessEnvelope createAdGroup(BusinessCaller caller, @RequestBody AdGroupRequest body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        long campaignId = Ids.require("campaign_id", body.campaignId());
        ScheduleTimes times = ScheduleTimes.of(body, advertisers.timezone(advertiserId));
        AdPlacement placement = AdPlacement.of(body.adPlacement());
        AdGroupSettings settings =
                new AdGroupSettings(
                        body.adgroupName(),
                        placement,
                        body.topviewDailyImpressions(),
                        new Targeting(
                                body.locationIds(),
                                body.ageGroups(),
                                body.gender(),
                                body.languages(),
                                body.interestCategoryIds(),
                                body.operatingSystems()),
                        Budget.of(
                                body.budgetMode(), body.budget(), BudgetMode.BUDGET_MODE_INFINITE),
                        Schedule.of(
                                ScheduleType.of(body.scheduleType()),
                                times.start(),
                                times.end(),
                                clock.instant()),
                        bid(
                                Billing.of(body.billingEvent()),
                                body.bidPrice(),
                                body.conversionBidPrice(),
                                body.optimizationGoal()),
                        AdGroupSettings.frequencyCap(
                                placement, body.frequency(), body.frequencySchedule()),
                        body.dayparting(),
                        PacingMode.of(body.pacing(), PacingMode.PACING_MODE_SMOOTH));
        return BusinessEnvelope.ok(view(adGroups.create(advertiserId, campaignId, settings)));
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
        return BusinessEnvelope.ok(
                new Listing<>(
                        adGroups.list(advertiserId, campaignIds, ids, page).stream()
                                .map(this::view)
                                .toList(),
                        PageInfo.of(page, adGroups.count(advertiserId, campaignIds, ids))));
    }

    /** A patch, as on TikTok: what the body leaves out keeps its value. */
    @PostMapping("/adgroup/update/")
    BusinessEnvelope updateAdGroup(BusinessCaller caller, @RequestBody AdGroupRequest b) {
        long advertiserId = caller.advertiser(b.advertiserId());
        long adgroupId = Ids.require("adgroup_id", b.adgroupId());
        ScheduleTimes times = ScheduleTimes.of(b, advertisers.timezone(advertiserId));
        AdGroup changed = adGroups.change(advertiserId, adgroupId, c -> patch(c, b, times));
        return BusinessEnvelope.ok(view(changed));
    }

    /** What the body names, over what the ad group has: made together, as one change. */
    private List<AdGroupChange> patch(AdGroupSettings was, AdGroupRequest b, ScheduleTimes times) {
        AdPlacement placement =
                b.adPlacement() == null ? was.placement() : AdPlacement.of(b.adPlacement());
        Targeting t = was.targeting();
        Targeting targeting =
                new Targeting(
                        or(b.locationIds(), t.locationIds()),
                        or(b.ageGroups(), t.ageGroups()),
                        or(b.gender(), t.gender()),
                        or(b.languages(), t.languages()),
                        or(b.interestCategoryIds(), t.interestCategoryIds()),
                        or(b.operatingSystems(), t.operatingSystems()));
        BudgetMode mode = BudgetMode.of(b.budgetMode(), was.budget().mode());
        Budget budget = new Budget(mode, or(b.budget(), was.budget().amount()));
        Schedule s = was.schedule();
        ScheduleType type = b.scheduleType() == null ? s.type() : ScheduleType.of(b.scheduleType());
        Schedule schedule =
                Schedule.of(
                        type,
                        or(times.start(), s.start()),
                        or(times.end(), s.end()),
                        clock.instant());
        Bid bid = was.bid();
        Billing billing =
                b.billingEvent() == null ? bid.billingEvent() : Billing.of(b.billingEvent());
        // A new billing event without a goal takes that event's default goal.
        String goal =
                b.billingEvent() != null && b.optimizationGoal() == null
                        ? null
                        : or(b.optimizationGoal(), bid.goal().name());
        FrequencyCap cap = was.frequencyCap();
        return List.of(
                new Rename(or(b.adgroupName(), was.name())),
                new ChangePlacement(
                        placement, or(b.topviewDailyImpressions(), was.topviewDailyImpressions())),
                new ChangeTargeting(targeting),
                new ChangeBudget(budget),
                new ChangeSchedule(schedule),
                new ChangeBid(
                        bid(
                                billing,
                                b.bidPrice() == null && b.conversionBidPrice() == null
                                        ? bid.price()
                                        : b.bidPrice(),
                                b.conversionBidPrice(),
                                goal)),
                new ChangeFrequencyCap(
                        AdGroupSettings.frequencyCap(
                                placement,
                                or(b.frequency(), cap == null ? null : cap.frequency()),
                                or(b.frequencySchedule(), cap == null ? null : cap.days()))),
                new ChangeDayparting(or(b.dayparting(), was.dayparting())),
                new ChangePacing(PacingMode.of(b.pacing(), was.pacing())));
    }

    /**
     * The bid a request names. OCPM bids per conversion, in TikTok's {@code conversion_bid_price};
     * {@code bid_price} is read as the same target when that is absent, and both must then agree.
     * Other billing events bid in {@code bid_price} only.
     */
    static Bid bid(
            Billing billing, BigDecimal bidPrice, BigDecimal conversionBidPrice, String goal) {
        if (billing != Billing.OCPM) {
            if (conversionBidPrice != null) {
                throw Refusal.invalid(
                        "conversion_bid_price is the target cost per conversion of billing_event"
                                + " OCPM; billing_event "
                                + billing
                                + " bids in bid_price");
            }
            return Bid.of(billing, bidPrice, goal);
        }
        if (conversionBidPrice != null
                && bidPrice != null
                && conversionBidPrice.compareTo(bidPrice) != 0) {
            throw Refusal.invalid(
                    "billing_event OCPM bids per conversion in conversion_bid_price; bid_price "
                            + bidPrice.toPlainString()
                            + " differs from it: send conversion_bid_price alone");
        }
        return Bid.of(billing, conversionBidPrice != null ? conversionBidPrice : bidPrice, goal);
    }

    @PostMapping("/adgroup/status/update/")
    BusinessEnvelope updateAdGroupStatus(BusinessCaller caller, @RequestBody AdGroupStatus body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        OperationStatus status = status(body.operationStatus());
        adGroups.updateStatus(advertiserId, ids("adgroup_ids", body.adgroupIds()), status);
        return BusinessEnvelope.ok(new StatusChanged(body.adgroupIds(), status));
    }

    private AdGroupView view(AdGroup g) {
        ZoneId zone = advertisers.timezone(g.advertiserId());
        return new AdGroupView(
                String.valueOf(g.advertiserId()),
                String.valueOf(g.campaignId()),
                String.valueOf(g.id()),
                g.adgroupName(),
                g.placement(),
                "PLACEMENT_TYPE_NORMAL",
                List.of("PLACEMENT_TIKTOK"),
                g.targeting(),
                g.budgetMode(),
                g.budget() == null ? 0 : g.budget(),
                g.scheduleType(),
                TikTokTimes.format(g.scheduleStartTime(), zone),
                TikTokTimes.format(g.scheduleEndTime(), zone),
                zone.getId(),
                g.billingEvent(),
                g.bidPrice(),
                g.billingEvent() == Billing.OCPM ? g.bidPrice() : null,
                g.optimizationGoal(),
                g.frequency(),
                g.frequencySchedule(),
                g.dayparting(),
                g.topviewDailyImpressions(),
                g.pacing(),
                g.operationStatus(),
                secondaryStatus(g),
                TikTokTimes.format(g.createTime()),
                TikTokTimes.format(g.modifyTime()));
    }

    /** TikTok's {@code secondary_status} of an ad group. */
    private String secondaryStatus(AdGroup g) {
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
        Instant now = clock.instant();
        if (now.isBefore(g.scheduleStartTime())) {
            return "ADGROUP_STATUS_NOT_START";
        }
        if (g.scheduleEndTime() != null && !now.isBefore(g.scheduleEndTime())) {
            return "ADGROUP_STATUS_TIME_DONE";
        }
        return "ADGROUP_STATUS_DELIVERY_OK";
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
