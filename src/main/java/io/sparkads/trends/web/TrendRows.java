package io.sparkads.trends.web;

import io.sparkads.trends.TrendBoards;
import io.sparkads.trends.TrendKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A board row in the Business API's words: TikTok's field names, and ours for the new kinds. */
final class TrendRows {
    private TrendRows() {}

    /** The parameter naming one trend in {@code discovery/detail}. */
    static String idParam(TrendKind kind) {
        return switch (kind) {
            case HASHTAG -> "hashtag_name";
            case SOUND -> "sound_id";
            case CREATOR -> "creator_id";
            case POST -> "item_id";
        };
    }

    static Map<String, Object> row(TrendBoards.Row row, boolean ranked) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (row.kind()) {
            case HASHTAG -> {
                out.put("hashtag_id", row.key());
                out.put("hashtag_name", row.key());
            }
            case SOUND -> {
                out.put("sound_id", row.key());
                out.put("sound_name", row.name().title());
            }
            case CREATOR -> {
                out.put("creator_id", row.key());
                out.put("creator_name", row.name().title());
                out.put("creator_handle", handle(row));
                out.put("avatar_url", row.name().avatarUrl());
            }
            case POST -> {
                out.put("item_id", row.key());
                out.put("text", row.name().title());
                out.put("creator_handle", handle(row));
                out.put("spark_ready", Boolean.TRUE.equals(row.name().sparkReady()));
            }
        }
        if (ranked) {
            out.put("rank_position", row.rank() == 0 ? null : row.rank());
            out.put("rank_change", row.change().places());
            out.put("is_new_to_top100", row.change().isNew());
        }
        out.put("views", row.views());
        out.put("likes", row.likes());
        out.put("comments", row.comments());
        out.put("shares", row.shares());
        out.put("posts", row.posts());
        out.put("score", row.score());
        // The names of the first version of this endpoint, kept for its clients.
        out.put("video_views", row.views());
        out.put("post_count", row.posts());
        if (ranked) {
            List<Map<String, Object>> history = new ArrayList<>();
            for (TrendBoards.Day day : row.history()) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("date", day.date().toString());
                point.put("rank_position_daily", day.rank());
                point.put("views_daily", day.views());
                history.add(point);
            }
            out.put("trending_history", history);
        }
        return out;
    }

    static Map<String, Object> audience(TrendBoards.Audience audience) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("age_groups", shares(audience.ageGroups(), "age_group"));
        out.put("genders", shares(audience.genders(), "gender"));
        out.put("country_codes", shares(audience.regions(), "country_code"));
        return out;
    }

    private static List<Map<String, Object>> shares(Map<String, Long> views, String name) {
        long total = views.values().stream().mapToLong(Long::longValue).sum();
        List<Map<String, Object>> out = new ArrayList<>();
        views.forEach(
                (code, count) -> {
                    Map<String, Object> share = new LinkedHashMap<>();
                    share.put(name, code);
                    share.put("views", count);
                    share.put(
                            "percentage",
                            total == 0 ? 0.0 : Math.round(count * 10000.0 / total) / 100.0);
                    out.add(share);
                });
        return out;
    }

    private static String handle(TrendBoards.Row row) {
        String subtitle = row.name().subtitle();
        return subtitle != null && subtitle.startsWith("@") ? subtitle.substring(1) : subtitle;
    }
}
