package io.sparkads.authorization.web;

import io.sparkads.authorization.SparkAuthorizations;
import io.sparkads.authorization.SparkPost;
import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.common.Ids;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spark Ad posts over the Business API: {@code tt_video/*} and the AUTH_CODE identities. */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
class SparkPostsBusinessController {
    private final SparkAuthorizations authorizations;

    SparkPostsBusinessController(SparkAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    record Authorize(String advertiserId, String authCode) {}

    @PostMapping("/tt_video/authorize/")
    BusinessEnvelope authorize(BusinessCaller caller, @RequestBody Authorize body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        authorizations.apply(advertiserId, body.authCode());
        return BusinessEnvelope.ok(Map.of());
    }

    @GetMapping("/tt_video/info/")
    BusinessEnvelope info(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        return BusinessEnvelope.ok(SparkPostViews.of(authorizations.preview(advertiserId, params.required("auth_code"))));
    }

    @GetMapping("/tt_video/list/")
    BusinessEnvelope list(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        PageRequest page = params.page(20);
        List<Map<String, Object>> list =
                authorizations.library(advertiserId, page).stream().map(SparkPostViews::of).toList();
        return BusinessEnvelope.ok(
                Map.of("list", list, "page_info", PageInfo.of(page, authorizations.librarySize(advertiserId))));
    }

    record Unbind(String advertiserId, String itemId) {}

    @PostMapping("/tt_video/unbind/")
    BusinessEnvelope unbind(BusinessCaller caller, @RequestBody Unbind body) {
        long advertiserId = caller.advertiser(body.advertiserId());
        Long itemId = Ids.parse(body.itemId());
        if (itemId == null) {
            throw BusinessApiException.parameter("item_id is required and must be a numeric id");
        }
        authorizations.unbind(advertiserId, itemId);
        return BusinessEnvelope.ok(Map.of());
    }

    @GetMapping("/identity/get/")
    BusinessEnvelope identities(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        long advertiserId = caller.advertiser(params.advertiserId());
        String type = params.optional("identity_type");
        if (type != null && !List.of("AUTH_CODE", "TT_USER", "CUSTOMIZED_USER", "BC_AUTH_TT").contains(type)) {
            throw BusinessApiException.parameter(
                    "identity_type must be AUTH_CODE, TT_USER, CUSTOMIZED_USER or BC_AUTH_TT, was '" + type + "'");
        }
        PageRequest page = params.page(100);
        Map<String, Map<String, Object>> identities = new LinkedHashMap<>();
        if (type == null || type.equals("AUTH_CODE")) {
            long size = authorizations.librarySize(advertiserId);
            for (SparkPost post : authorizations.library(advertiserId, new PageRequest(1, (int) Math.max(1, Math.min(size, PageRequest.MAX_PAGE_SIZE))))) {
                identities.computeIfAbsent(
                        String.valueOf(post.account().id()),
                        id -> {
                            Map<String, Object> identity = new LinkedHashMap<>();
                            identity.put("identity_id", id);
                            identity.put("identity_type", "AUTH_CODE");
                            identity.put("display_name", post.account().displayName());
                            identity.put("profile_image", post.account().avatarUrl());
                            identity.put("can_pull_video", false);
                            identity.put("can_push_video", false);
                            return identity;
                        });
            }
        }
        List<Map<String, Object>> all = List.copyOf(identities.values());
        int from = (int) Math.min(all.size(), page.offset());
        int to = Math.min(all.size(), from + page.pageSize());
        return BusinessEnvelope.ok(
                Map.of("identity_list", all.subList(from, to), "page_info", PageInfo.of(page, all.size())));
    }
}
