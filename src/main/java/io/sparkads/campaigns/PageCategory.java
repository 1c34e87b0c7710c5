package io.sparkads.campaigns;

/**
 * The TikTok page an ad leads to, TikTok's {@code tiktok_page_category}. Only the profile page is
 * served here; TikTok's {@code OTHER_TIKTOK_PAGE} and {@code TIKTOK_INSTANT_PAGE} are refused with
 * a message.
 */
public enum PageCategory {
    /** The identity's profile: its posts and, entered from the ad, the landing page panel. */
    PROFILE_PAGE
}
