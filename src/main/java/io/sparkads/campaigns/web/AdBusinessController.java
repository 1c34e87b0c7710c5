package io.sparkads.campaigns.web;

import static io.sparkads.campaigns.web.BusinessFiltering.ids;
import static io.sparkads.campaigns.web.BusinessFiltering.onlyKnown;
import static io.sparkads.campaigns.web.BusinessFiltering.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.campaigns.PageCategory;
import io.sparkads.campaigns.SparkAdQuota;
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

/** {@code ad/*} of the Business API, in TikTok's shapes, with the ad account's Spark Ads quota. */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
record AdBusinessController(Ads ads, SparkAdQuota quota) {
    /** One of a request's {@code creatives}: the ad it describes, by TikTok's field names. */
    record RequestedCreative(
            String adId,
            String adName,
            String identityType,
            String identityId,
            String tiktokItemId,
            String adFormat,
            String adText,
            String callToAction,
            String landingPageUrl,
            String videoId,
            String tiktokPageCategory) {}

    record AdRequest(String advertiserId, String adgroupId, List<RequestedCreative> creatives) {}

    record AdStatus(String advertiserId, List<String> adIds, String operationStatus) {}

    /** An ad as TikTok shows it; every ad here is a single video. */
    record AdView(
            String advertiserId,
            String campaignId,
            String adgroupId,
            String adId,
            String adName,
            String adFormat,
            String identityType,
            String identityId,
            String tiktokItemId,
            @JsonProperty("is_spark") boolean isSpark,
            String videoId,
            String adText,
            String callToAction,
            String landingPageUrl,
            String tiktokPageCategory,
            OperationStatus operationStatus,
            String secondaryStatus,
            String rejectReason,
            String authorizationReason,
            String createTime,
            String modifyTime) {
        static AdView of(Ad a) {
            return new AdView(
                    String.valueOf(a.advertiserId()),
                    String.valueOf(a.campaignId()),
                    String.valueOf(a.adgroupId()),
                    String.valueOf(a.id()),
                    a.adName(),
                    "SINGLE_VIDEO",
                    a.identityType(),
                    a.identityId(),
                    a.tiktokItemId() == null ? null : String.valueOf(a.tiktokItemId()),
                    a.spark(),
                    a.videoId() == null ? null : String.valueOf(a.videoId()),
                    a.adText(),
                    a.callToAction(),
                    a.landingPageUrl(),
                    a.leadsToProfile() ? PageCategory.PROFILE_PAGE.name() : null,
                    a.operationStatus(),
                    a.secondaryStatus(),
                    a.rejectReason(),
                    a.authorizationReason(),
                    TikTokTimes.format(a.createTime()),
                    TikTokTimes.format(a.modifyTime()));
        }
    }

    /** What ad/create and ad/update answer: the ads' ids and the ads. */
    record AdsSaved(List<String> adIds, List<AdView> creatives) {
        static AdsSaved of(List<Ad> saved) {
            List<AdView> views = saved.stream().map(AdView::of).toList();
            return new AdsSaved(views.stream().map(AdView::adId).toList(), views);
        }
    }

    record StatusChanged(List<String> adIds, OperationStatus status) {}

    record Quota(int sparkAdsLimit, int sparkAdsUsed, int sparkAdsRemaining) {}

    /** The Spark Ads quota of the ad account: its limit, and how many places are left. */
    @GetMapping("/ad/quota/get/")
    BusinessEnvelope quota(BusinessCaller caller, @RequestParam Map<String, String> query) {
        long advertiserId = caller.advertiser(new BusinessParams(query).advertiserId());
        int remaining = quota.remaining(advertiserId);
        return BusinessEnvelope.ok(new Quota(quota.limit(), quota.limit() - remaining, remaining));
    }

    @PostMapping("/ad/create/")
    BusinessEnvelope createAds(BusinessCaller caller, @RequestBody AdRequest body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        long adgroupId = Ids.require("adgroup_id", body.adgroupId());
        List<Ads.NewAd> drafts = new ArrayList<>();
        List<RequestedCreative> creatives = creatives(body);
        for (int i = 0; i < creatives.size(); i++) {
            drafts.add(draft(creatives.get(i), i));
        }
        return BusinessEnvelope.ok(AdsSaved.of(ads.create(advertiserId, adgroupId, drafts)));
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
        return BusinessEnvelope.ok(
                new Listing<>(
                        ads.list(advertiserId, filter, page).stream().map(AdView::of).toList(),
                        PageInfo.of(page, ads.count(advertiserId, filter))));
    }

    @PostMapping("/ad/update/")
    BusinessEnvelope updateAds(BusinessCaller caller, @RequestBody AdRequest body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        List<RequestedCreative> creatives = creatives(body);
        if (creatives.isEmpty()) {
            throw BusinessApiException.parameter(
                    "creatives must hold the ads to update, each with its ad_id");
        }
        LinkedHashMap<Long, Ads.NewAd> patches = new LinkedHashMap<>();
        for (int i = 0; i < creatives.size(); i++) {
            RequestedCreative c = creatives.get(i);
            if (c == null) {
                throw notAnObject(i);
            }
            patches.put(Ids.require("creatives[" + i + "].ad_id", c.adId()), draft(c, i));
        }
        return BusinessEnvelope.ok(AdsSaved.of(ads.updateAll(advertiserId, patches)));
    }

    @PostMapping("/ad/status/update/")
    BusinessEnvelope updateAdStatus(BusinessCaller caller, @RequestBody AdStatus body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        OperationStatus status = status(body.operationStatus());
        ads.updateStatus(advertiserId, ids("ad_ids", body.adIds()), status);
        return BusinessEnvelope.ok(new StatusChanged(body.adIds(), status));
    }

    private static List<RequestedCreative> creatives(AdRequest body) {
        return body.creatives() == null ? List.of() : body.creatives();
    }

    /** The ad a request's {@code creatives[i]} describes. */
    private static Ads.NewAd draft(RequestedCreative c, int i) {
        if (c == null) {
            throw notAnObject(i);
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
                        : Ids.require("creatives[" + i + "].video_id", c.videoId()),
                c.tiktokPageCategory());
    }

    private static BusinessApiException notAnObject(int i) {
        return BusinessApiException.parameter("creatives[" + i + "] must be an object");
    }
}
