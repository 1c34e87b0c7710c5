package io.sparkads.content;

import java.time.Instant;
import java.util.Optional;

/**
 * A video an advertiser uploaded, for a non-Spark ad or to push to a linked creator's account.
 * Served under a random token: private to its ad account until an ad showing it is approved ({@code
 * publishedAt}), then to anyone holding the URL, as a host app's player does.
 */
public record VideoFile(
        long id,
        long advertiserId,
        String token,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        Integer durationMs,
        Integer width,
        Integer height,
        String codec,
        boolean hasPoster,
        Instant publishedAt,
        Instant createdAt) {

    /** The path of all uploaded media; a video's URL is this and its token. */
    public static final String PATH = "/videos/";

    /** Where players fetch the video. */
    public String url() {
        return PATH + token;
    }

    /** Where the poster frame (a JPEG of the first picture) is, when one was made. */
    public String posterUrl() {
        return hasPoster ? url() + "/poster.jpg" : null;
    }

    public boolean published() {
        return publishedAt != null;
    }

    /** Why this video cannot run in a TopView ad, in words that say what to change. */
    public Optional<String> topViewProblem() {
        if (durationMs == null || width == null || height == null) {
            return Optional.of(
                    "video_id "
                            + id
                            + " was uploaded before videos were checked; upload it again for TopView");
        }
        return VideoSpecs.topViewProblem(durationMs, width, height);
    }
}
