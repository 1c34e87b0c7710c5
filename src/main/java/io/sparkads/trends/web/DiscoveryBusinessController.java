package io.sparkads.trends.web;

import io.sparkads.common.BusinessApi;
import io.sparkads.common.BusinessCaller;
import io.sparkads.common.BusinessEnvelope;
import io.sparkads.common.BusinessParams;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.trends.DateRange;
import io.sparkads.trends.TrendBoards;
import io.sparkads.trends.TrendKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Trend Discovery tool over the Business API, in TikTok's shapes ({@code rank_position}, {@code
 * rank_change}, {@code views}, {@code posts}, {@code trending_history}); {@code discovery_type}
 * {@code SOUND}, {@code CREATOR} and {@code POST} are ours (docs/trends.md).
 */
@RestController
@BusinessApi
@RequestMapping(BusinessApi.PREFIX)
record DiscoveryBusinessController(TrendBoards boards) {

    @GetMapping("/discovery/trending_list/")
    BusinessEnvelope trending(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        caller.advertiser(params.advertiserId());
        TrendKind kind = TrendKind.fromWire(params.optional("discovery_type"));
        DateRange range = DateRange.fromWire(params.optional("date_range"));
        PageRequest page = params.page(20);
        if (page.pageSize() > TrendBoards.MAX_ROWS) {
            throw Refusal.invalid(
                    "page_size must be between 1 and "
                            + TrendBoards.MAX_ROWS
                            + " (a board holds the top "
                            + TrendBoards.MAX_ROWS
                            + "); was "
                            + page.pageSize());
        }
        TrendBoards.Board board =
                boards.board(kind, params.optional("country_code"), range, TrendBoards.MAX_ROWS);
        List<Map<String, Object>> list =
                board.rows().stream()
                        .skip(page.offset())
                        .limit(page.pageSize())
                        .map(row -> TrendRows.row(row, true))
                        .toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("discovery_type", kind.name());
        data.put("date_range", range.wireName());
        data.put("country_code", board.region());
        data.put("list", list);
        data.put("page_info", PageInfo.of(page, board.rows().size()));
        return BusinessEnvelope.ok(data);
    }

    @GetMapping("/discovery/detail/")
    BusinessEnvelope detail(BusinessCaller caller, @RequestParam Map<String, String> query) {
        BusinessParams params = new BusinessParams(query);
        caller.advertiser(params.advertiserId());
        TrendKind kind = TrendKind.fromWire(params.optional("discovery_type"));
        DateRange range = DateRange.fromWire(params.optional("date_range"));
        String idParam = TrendRows.idParam(kind);
        String key = params.optional(idParam);
        if (key == null && kind == TrendKind.HASHTAG) {
            key = params.optional("hashtag_id");
        }
        if (key == null) {
            throw Refusal.invalid(idParam + " is required for discovery_type " + kind.name());
        }
        TrendBoards.Detail detail =
                boards.detail(kind, key, params.optional("country_code"), range);
        Map<String, Object> data = TrendRows.row(detail.trend(), true);
        data.put("discovery_type", kind.name());
        data.put("date_range", range.wireName());
        data.put("country_code", detail.board().region());
        data.put(
                "top_posts", detail.topPosts().stream().map(r -> TrendRows.row(r, false)).toList());
        data.put(
                "top_creators",
                detail.topCreators().stream().map(r -> TrendRows.row(r, false)).toList());
        data.put("audience", TrendRows.audience(detail.audience()));
        return BusinessEnvelope.ok(data);
    }
}
