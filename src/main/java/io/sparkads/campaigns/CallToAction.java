package io.sparkads.campaigns;

import java.util.Locale;

/**
 * The button under an ad, in TikTok's {@code call_to_action} vocabulary. The constant's name is its
 * wire name; the constants stand in the order of TikTok's menu, the common ones first, as the ad
 * form offers them.
 */
public enum CallToAction {
    LEARN_MORE,
    SHOP_NOW,
    SIGN_UP,
    ORDER_NOW,
    BOOK_NOW,
    DOWNLOAD_NOW,
    INSTALL_NOW,
    WATCH_NOW,
    VIEW_NOW,
    READ_MORE,
    LISTEN_NOW,
    PLAY_GAME,
    APPLY_NOW,
    CONTACT_US,
    GET_QUOTE,
    GET_TICKETS_NOW,
    SUBSCRIBE,
    INTERESTED,
    VISIT_STORE,
    VIEW_PROFILE;

    /** What an ad shows when the advertiser names no call to action. */
    public static final CallToAction DEFAULT = LEARN_MORE;

    /** The button's words, as a viewer reads them: {@code SHOP_NOW} is "Shop now". */
    public String label() {
        String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The value of {@code call_to_action} on the wire. */
    public String wireName() {
        return name();
    }
}
