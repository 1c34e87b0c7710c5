package io.sparkads.content.web;

import io.sparkads.common.TikTokTimes;
import io.sparkads.content.VideoFile;

/**
 * An uploaded video as TikTok's {@code file/video/ad/upload} and {@code file/video/ad/info} answer
 * it: {@code video_cover_url} is the poster frame, {@code preview_url} the video itself, both
 * private to the ad account until an ad showing the video is approved. {@code url} and {@code
 * poster_url} are our names for the same two addresses.
 */
record VideoInfoView(
        String videoId,
        String fileName,
        String format,
        long size,
        String signature,
        Double duration,
        Integer width,
        Integer height,
        String videoCoverUrl,
        String previewUrl,
        String url,
        String posterUrl,
        boolean published,
        String createTime) {

    static VideoInfoView of(VideoFile video) {
        return new VideoInfoView(
                String.valueOf(video.id()),
                video.fileName(),
                video.contentType().equals("video/quicktime") ? "mov" : "mp4",
                video.sizeBytes(),
                video.sha256(),
                video.durationMs() == null ? null : video.durationMs() / 1000.0,
                video.width(),
                video.height(),
                video.posterUrl(),
                video.url(),
                video.url(),
                video.posterUrl(),
                video.published(),
                TikTokTimes.format(video.createdAt()));
    }
}
