package io.sparkads.trends.web;

import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessApiException;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.trends.DateRange;
import io.sparkads.trends.TrendDiscovery;
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
record DiscoveryBusinessController(TrendDiscovery discovery) {
    record TrendingHashtag(
            int rank, String hashtagName, long postCount, long videoViews, long likes) {
        static TrendingHashtag of(TrendDiscovery.Trend t) {
            return new TrendingHashtag(t.rank(), t.hashtag(), t.posts(), t.views(), t.likes());
        }
    }

    record TrendingList(List<TrendingHashtag> list) {}

    @GetMapping("/discovery/trending_list/")
    BusinessEnvelope trending(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        caller.advertiser(params.advertiserId());
        String type = params.optional("discovery_type");
        if (type != null && !type.equals("HASHTAG")) {
            throw BusinessApiException.parameter(
                    "discovery_type must be HASHTAG; was '" + type + "'");
        }
        int limit = Math.min(Math.max(params.integer("page_size", 20), 1), 100);
        List<TrendingHashtag> list =
                discovery
                        .trendingHashtags(DateRange.fromWire(params.optional("date_range")), limit)
                        .stream()
                        .map(TrendingHashtag::of)
                        .toList();
        return BusinessEnvelope.ok(new TrendingList(list));
    }

    /** A public post with the hashtag; {@code text} is its caption, as TikTok names it. */
    record HashtagPost(
            String itemId, String text, long videoViews, long likes, boolean sparkReady) {
        static HashtagPost of(TrendDiscovery.TopPost p) {
            return new HashtagPost(
                    String.valueOf(p.post().itemId()),
                    p.post().caption(),
                    p.post().organic().views(),
                    p.post().organic().likes(),
                    p.sparkReady());
        }
    }

    record HashtagDetail(String hashtagName, List<HashtagPost> topPosts) {}

    @GetMapping("/discovery/detail/")
    BusinessEnvelope detail(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        caller.advertiser(params.advertiserId());
        String hashtag = params.required("hashtag_name");
        List<HashtagPost> posts =
                discovery.topPosts(hashtag, 20).stream().map(HashtagPost::of).toList();
        return BusinessEnvelope.ok(new HashtagDetail(hashtag, posts));
    }
}
