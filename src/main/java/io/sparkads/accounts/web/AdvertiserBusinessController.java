package io.sparkads.accounts.web;

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
class AdvertiserBusinessController {
    private final Advertisers advertisers;

    AdvertiserBusinessController(Advertisers advertisers) {
        this.advertisers = advertisers;
    }

    @GetMapping("/advertiser/info/")
    BusinessEnvelope info(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        List<Map<String, Object>> list =
                params.requiredStringList("advertiser_ids").stream()
                        .map(caller::advertiser)
                        .map(advertisers::get)
                        .map(
                                a ->
                                        Map.<String, Object>of(
                                                "advertiser_id", String.valueOf(a.id()),
                                                "name", a.name(),
                                                "currency", a.currency(),
                                                "timezone", a.timezone().getId(),
                                                "status", "STATUS_ENABLE",
                                                "create_time", a.createdAt().getEpochSecond()))
                        .toList();
        return BusinessEnvelope.ok(Map.of("list", list));
    }
}
