package io.sparkads.campaigns;

/**
 * Where an ad group's ads show, TikTok's {@code ad_placement}: in the For You feed, or as the
 * TopView ad at app open, reserved at a fixed CPM.
 */
public enum AdPlacement {
    IN_FEED,
    TOPVIEW;

    /** The placement a request names; In-Feed when it names none. */
    public static AdPlacement of(String value) {
        return Check.oneOf("ad_placement", value, AdPlacement.class, IN_FEED);
    }
}
