package io.sparkads.trends.web;

import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.trends.TrendDiscovery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Trend Discovery tool over the Business API. */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
class DiscoveryBusinessController {
    private final TrendDiscovery discovery;

    DiscoveryBusinessController(TrendDiscovery discovery) {
        this.discovery = discovery;
    }

    @GetMapping("/discovery/trending_list/")
    BusinessEnvelope trending(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        caller.advertiser(params.advertiserId());
        String type = params.optional("discovery_type");
        if (type != null && !type.equals("HASHTAG")) {
            throw io.sparkads.common.BusinessApiException.parameter(
                    "discovery_type must be HASHTAG; was '" + type + "'");
        }
        int limit = Math.min(Math.max(params.integer("page_size", 20), 1), 100);
        List<Map<String, Object>> list =
                discovery.trendingHashtags(params.optional("date_range"), limit).stream()
                        .map(
                                t -> {
                                    Map<String, Object> v = new LinkedHashMap<>();
                                    v.put("rank", t.rank());
                                    v.put("hashtag_name", t.hashtag());
                                    v.put("post_count", t.posts());
                                    v.put("video_views", t.views());
                                    v.put("likes", t.likes());
                                    return v;
                                })
                        .toList();
        return BusinessEnvelope.ok(Map.of("list", list));
    }

    @GetMapping("/discovery/detail/")
    BusinessEnvelope detail(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        caller.advertiser(params.advertiserId());
        List<Map<String, Object>> posts =
                discovery.topPosts(params.required("hashtag_name"), 20).stream()
                        .map(
                                p -> {
                                    Map<String, Object> v = new LinkedHashMap<>();
                                    v.put("item_id", String.valueOf(p.post().itemId()));
                                    v.put("text", p.post().caption());
                                    v.put("video_views", p.post().organic().views());
                                    v.put("likes", p.post().organic().likes());
                                    v.put("spark_ready", p.sparkReady());
                                    return v;
                                })
                        .toList();
        return BusinessEnvelope.ok(
                Map.of("hashtag_name", params.required("hashtag_name"), "top_posts", posts));
    }
}
