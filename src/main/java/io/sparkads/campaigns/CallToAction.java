package io.sparkads.campaigns;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The button under an ad, in TikTok's {@code call_to_action} vocabulary. The constant's name is its
 * wire name.
 */
public enum CallToAction {
    LEARN_MORE,
    SHOP_NOW,
    SIGN_UP,
    DOWNLOAD_NOW,
    CONTACT_US,
    APPLY_NOW,
    BOOK_NOW,
    WATCH_NOW,
    ORDER_NOW,
    GET_QUOTE,
    SUBSCRIBE,
    PLAY_GAME,
    READ_MORE,
    VIEW_NOW,
    INSTALL_NOW,
    LISTEN_NOW,
    INTERESTED,
    GET_TICKETS_NOW,
    VISIT_STORE,
    VIEW_PROFILE;

    /** What an ad shows when the advertiser names no call to action. */
    public static final CallToAction DEFAULT = LEARN_MORE;

    /** The value of {@code call_to_action} on the wire. */
    public String wireName() {
        return name();
    }

    /** Every wire name. */
    static Set<String> wireNames() {
        return Arrays.stream(values())
                .map(CallToAction::wireName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
