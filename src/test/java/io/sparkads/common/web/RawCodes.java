package io.sparkads.common.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API codes a page must never show people as text: statuses, calls to action, permissions,
 * identity types, budget modes, placements, bid types, goals, pacing, destinations and operation
 * statuses. The one list the browser tests' guard and the labels' test both read. An element marked
 * {@code data-api-code} (a small "API: …" detail for API users) is exempt.
 */
public final class RawCodes {
    private RawCodes() {}

    public static final Pattern PATTERN =
            Pattern.compile(
                    "\\b(AD_STATUS_[A-Z_]+|ADGROUP_STATUS_[A-Z_]+|CAMPAIGN_STATUS_[A-Z_]+"
                            + "|SHOP_NOW|LEARN_MORE|SIGN_UP|DOWNLOAD_NOW|CONTACT_US|ORDER_NOW"
                            + "|BOOK_NOW|WATCH_NOW|APPLY_NOW|INSTALL_NOW|GET_QUOTE|VIEW_PROFILE"
                            + "|PULL_POSTS|PUSH_VIDEOS|AUTH_CODE|TT_USER|BC_AUTH_TT|CUSTOMIZED_USER"
                            + "|BUDGET_MODE_[A-Z_]+|PLACEMENT_[A-Z_]+|BID_TYPE_[A-Z_]+"
                            + "|OPTIMIZATION_[A-Z_]+|PACING_MODE_[A-Z_]+|PROFILE_PAGE"
                            + "|ENABLE|DISABLE)\\b");

    /** The raw codes in the text, in order, each as often as it stands there. */
    public static List<String> in(String text) {
        Matcher matcher = PATTERN.matcher(text == null ? "" : text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
