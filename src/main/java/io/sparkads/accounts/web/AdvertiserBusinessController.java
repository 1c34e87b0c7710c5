package io.sparkads.accounts.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
record AdvertiserBusinessController(Advertisers advertisers) {
    /**
     * TikTok's {@code advertiser/info} entry: the ad account's fields inline, then its status (an
     * ad account here is always enabled) and when it was created.
     */
    record AdvertiserInfo(
            @JsonUnwrapped AdvertiserView advertiser, String status, long createTime) {
        static AdvertiserInfo of(Advertiser a) {
            return new AdvertiserInfo(
                    AdvertiserView.of(a), "STATUS_ENABLE", a.createdAt().getEpochSecond());
        }
    }

    record AdvertiserList(List<AdvertiserInfo> list) {}

    @GetMapping("/advertiser/info/")
    BusinessEnvelope info(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        List<AdvertiserInfo> list =
                params.requiredStringList("advertiser_ids").stream()
                        .map(caller::advertiser)
                        .map(advertisers::get)
                        .map(AdvertiserInfo::of)
                        .toList();
        return BusinessEnvelope.ok(new AdvertiserList(list));
    }
}
