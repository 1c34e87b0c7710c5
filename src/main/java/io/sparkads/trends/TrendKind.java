package io.sparkads.trends;

import io.sparkads.common.Refusal;

/**
 * What a board ranks: TikTok's {@code HASHTAG} and our {@code SOUND}, {@code CREATOR} and {@code
 * POST}. A trend's key is the hashtag, the sound id, the creator's account id or the item id.
 */
public enum TrendKind {
    HASHTAG,
    SOUND,
    CREATOR,
    POST;

    /** The kind a request names ({@code discovery_type}); none named is {@code HASHTAG}. */
    public static TrendKind fromWire(String raw) {
        if (raw == null || raw.isBlank()) {
            return HASHTAG;
        }
        for (TrendKind kind : values()) {
            if (kind.name().equals(raw)) {
                return kind;
            }
        }
        throw Refusal.invalid(
                "discovery_type must be one of HASHTAG, SOUND, CREATOR, POST; was '" + raw + "'");
    }
}
