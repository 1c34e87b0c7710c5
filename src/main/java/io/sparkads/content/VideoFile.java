package io.sparkads.content;

import java.time.Instant;

/** A video an advertiser uploaded, for a non-Spark ad or to push to a linked creator's account. */
public record VideoFile(
        long id,
        long advertiserId,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        Integer durationMs,
        Instant createdAt) {

    /** Where the host app fetches the video. */
    public String url() {
        return "/videos/" + id;
    }
}
