package io.sparkads.authorization.web;

import io.sparkads.authorization.SparkPost;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TikTok's shape of a Spark post: {@code auth_info}, {@code item_info}, {@code user_info}, {@code
 * video_info}.
 */
final class SparkPostViews {
    private SparkPostViews() {}

    static Map<String, Object> of(SparkPost p) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("ad_auth_status", p.status().adAuthStatus());
        auth.put("auth_code_status", p.status().name());
        auth.put("auth_start_time", p.authStartTime().toString());
        auth.put("auth_end_time", p.authEndTime() == null ? null : p.authEndTime().toString());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item_id", String.valueOf(p.post().itemId()));
        item.put("text", p.post().caption());
        item.put("status", p.post().isSparkAvailable() ? "ENABLE" : "DISABLE");
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("identity_id", String.valueOf(p.account().id()));
        user.put("identity_type", "AUTH_CODE");
        user.put("display_name", p.account().displayName());
        user.put("avatar_url", p.account().avatarUrl());
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("duration", p.post().durationMs() / 1000.0);
        video.put("url", p.post().videoUrl());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("auth_info", auth);
        view.put("item_info", item);
        view.put("user_info", user);
        view.put("video_info", video);
        return view;
    }
}
