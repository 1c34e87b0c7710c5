package io.sparkads.common.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place that names the API's codes for people: every status, call to action, permission,
 * identity type, objective, placement, billing event, budget mode and goal a page, an export or a
 * message shows. Pages write {@code ${@labels.of(code)}} and {@code
 * th:title="${@labels.title(code)}"}; the raw code appears only where an API user needs it, marked
 * {@code data-api-code}.
 *
 * <p>The dictionary is keyed by the code alone, as the wire spells it, so a code several enums
 * share (REACH is an objective and an optimization goal) reads the same everywhere. Add lines in
 * the code's sorted place. A code the dictionary does not know reads as its words ({@code
 * SOME_CODE} "Some code"), never as the code.
 */
@Component("labels")
public class PageLabels {

    /** What people read for a code, and a one-line explanation of it ("" when none helps). */
    private record Label(String words, String title) {}

    private static Map.Entry<String, Label> code(String code, String words) {
        return Map.entry(code, new Label(words, ""));
    }

    private static Map.Entry<String, Label> code(String code, String words, String title) {
        return Map.entry(code, new Label(words, title));
    }

    private static final Map<String, Label> DICTIONARY =
            Map.ofEntries(
                    code("ACTIVE", "Linked", "The account link is approved and in effect."),
                    code(
                            "ADGROUP_STATUS_CAMPAIGN_DISABLE",
                            "Campaign paused",
                            "The campaign is paused, so this ad group does not run."),
                    code("ADGROUP_STATUS_DELETE", "Deleted"),
                    code(
                            "ADGROUP_STATUS_DELIVERY_OK",
                            "Delivering",
                            "The ad group is on and within its schedule."),
                    code("ADGROUP_STATUS_DISABLE", "Paused", "The ad group was paused."),
                    code(
                            "ADGROUP_STATUS_NOT_START",
                            "Scheduled",
                            "The ad group's schedule has not started yet."),
                    code(
                            "ADGROUP_STATUS_TIME_DONE",
                            "Finished",
                            "The ad group's schedule has ended."),
                    code(
                            "ADMIN",
                            "Administrator",
                            "Manages ad accounts, users and tokens, and may review ads."),
                    code(
                            "ADVERTISER",
                            "Advertiser",
                            "Someone who acts for an ad account in Ads Manager."),
                    code(
                            "AD_STATUS_ADGROUP_DISABLE",
                            "Ad group paused",
                            "The ad's ad group is paused, so the ad does not run."),
                    code(
                            "AD_STATUS_ASSET_AUTHORIZATION_LOST",
                            "Post no longer available",
                            "The creator deleted the post or made it private; the ad stopped at"
                                    + " once."),
                    code(
                            "AD_STATUS_AUDIT",
                            "In review",
                            "Reviewers check every new or changed ad before it can run."),
                    code(
                            "AD_STATUS_AUDIT_DENY",
                            "Rejected in review",
                            "The ad did not pass review; its page says why."),
                    code(
                            "AD_STATUS_BUDGET_EXCEED",
                            "Ad group budget spent",
                            "The ad group's budget is used up; the ad runs again when budget is"
                                    + " available."),
                    code(
                            "AD_STATUS_CAMPAIGN_DISABLE",
                            "Campaign paused",
                            "The ad's campaign is paused, so the ad does not run."),
                    code(
                            "AD_STATUS_CAMPAIGN_EXCEED",
                            "Campaign budget spent",
                            "The campaign's budget is used up; the ad runs again when budget is"
                                    + " available."),
                    code(
                            "AD_STATUS_CREATOR_AUTHORIZATION_REVOKED",
                            "Creator revoked the authorization",
                            "The creator withdrew the permission to use the post; the ad stopped"
                                    + " at once."),
                    code("AD_STATUS_DELETE", "Deleted"),
                    code("AD_STATUS_DELIVERY_OK", "Delivering", "The ad is approved and running."),
                    code("AD_STATUS_DISABLE", "Paused", "The ad was paused."),
                    code("AD_STATUS_DONE", "Finished", "The ad group's schedule has ended."),
                    code(
                            "AD_STATUS_NOT_START",
                            "Scheduled",
                            "The ad group's schedule has not started yet."),
                    code("AGE_13_17", "13–17"),
                    code("AGE_18_24", "18–24"),
                    code("AGE_25_34", "25–34"),
                    code("AGE_35_44", "35–44"),
                    code("AGE_45_54", "45–54"),
                    code("AGE_55_100", "55+"),
                    code("ANDROID", "Android"),
                    code("APPLY_NOW", "Apply now"),
                    code("APPROVE", "Approve"),
                    code("APPROVED", "Approved"),
                    code(
                            "APP_PROMOTION",
                            "App promotion",
                            "Get people to install or open your app."),
                    code(
                            "AUTHORIZATION",
                            "Ad authorization",
                            "The post's creator has authorized this ad account to use it."),
                    code("AUTHORIZATION_EXPIRED", "Authorization expired"),
                    code("AUTHORIZATION_EXTENDED", "Authorization extended"),
                    code(
                            "AUTHORIZATION_TURNED_OFF",
                            "Ad authorization turned off",
                            "Every code of the post was revoked and its ads stopped."),
                    code(
                            "AUTH_CODE",
                            "Creator's post (authorization code)",
                            "A creator's post that this ad account may use because the creator"
                                    + " gave it an authorization code."),
                    code(
                            "BC_AUTH_TT",
                            "Business Center account",
                            "An account authorized to a Business Center; ads cannot be created"
                                    + " under it here."),
                    code("BID_TYPE_CUSTOM", "Bid cap", "Never pay more than your bid."),
                    code(
                            "BID_TYPE_NO_BID",
                            "Lowest cost",
                            "Get the most results for the budget, without a bid."),
                    code("BOOK_NOW", "Book now"),
                    code(
                            "BUDGET_MODE_DAY",
                            "Daily",
                            "Spend at most the budget each day, in the ad account's time zone."),
                    code(
                            "BUDGET_MODE_INFINITE",
                            "No limit",
                            "No budget of its own; the ad group budgets limit spend."),
                    code(
                            "BUDGET_MODE_TOTAL",
                            "Lifetime",
                            "Spend at most the budget over the whole run."),
                    code("BUSINESS", "Business account"),
                    code(
                            "CAMPAIGN_STATUS_DELETE",
                            "Deleted",
                            "The campaign was deleted; its ads never run again."),
                    code(
                            "CAMPAIGN_STATUS_DISABLE",
                            "Paused",
                            "The campaign was paused, so none of its ads run."),
                    code(
                            "CAMPAIGN_STATUS_ENABLE",
                            "Enabled",
                            "The campaign is on; its ads run when they are approved."),
                    code("CAMPAIGN_STATUS_NOT_DELETE", "Not deleted"),
                    code("CLICK", "Clicks", "Show the ad to people likely to click it."),
                    code("CODE_APPLIED", "Code applied"),
                    code(
                            "CODE_ISSUED",
                            "Code issued",
                            "The creator generated an authorization code for the post."),
                    code(
                            "CODE_REFUSED",
                            "Code refused",
                            "Someone tried a code that does not exist, has ended or was"
                                    + " revoked."),
                    code("CODE_REVOKED", "Code revoked"),
                    code("CONTACT_US", "Contact us"),
                    code("CONVERSIONS", "Conversions", "Get people to act on your website."),
                    code("CPC", "Per click", "You pay each time someone clicks the ad (CPC)."),
                    code(
                            "CPM",
                            "Per 1,000 impressions",
                            "You pay for every 1,000 times the ad is shown (CPM)."),
                    code(
                            "CPV",
                            "Per 6-second view",
                            "You pay each time someone watches the video for 6 seconds or more"
                                    + " (CPV)."),
                    code("CREATOR", "Creator"),
                    code(
                            "CUSTOMIZED_USER",
                            "Custom identity",
                            "Your own name and avatar: a regular ad, not a Spark Ad."),
                    code("DECLINED", "Declined"),
                    code("DELETE", "Deleted"),
                    code(
                            "DISABLE",
                            "Paused",
                            "Turned off; it does not run until it is enabled again."),
                    code("DOWNLOAD_NOW", "Download"),
                    code("ENABLE", "Enabled", "Turned on; it runs when everything else allows."),
                    code(
                            "ENGAGED_VIEW",
                            "Engaged views",
                            "Show the ad to people likely to watch 6 seconds or more and engage."),
                    code(
                            "ENGAGEMENT",
                            "Community interaction",
                            "Get more followers, profile visits and engagement."),
                    code(
                            "EXPIRED",
                            "Expired",
                            "The time it was valid for has ended; ads using it stopped."),
                    code("EXTENSION_DECLINED", "Extension declined"),
                    code(
                            "EXTENSION_REQUESTED",
                            "Extension requested",
                            "The advertiser asked the creator to authorize the post for longer."),
                    code("FEMALE", "Female"),
                    code("FOLLOWERS", "Followers", "Show the ad to people likely to follow you."),
                    code("FRIENDS", "Friends only"),
                    code("GENDER_FEMALE", "Female"),
                    code("GENDER_MALE", "Male"),
                    code("GENDER_UNLIMITED", "All genders"),
                    code("GET_QUOTE", "Get quote"),
                    code("GET_TICKETS_NOW", "Get tickets now"),
                    code("INSTALL_NOW", "Install now"),
                    code("INTERESTED", "Interested"),
                    code(
                            "IN_FEED",
                            "In-Feed",
                            "Between the posts of the For You feed, as people scroll."),
                    code(
                            "IN_USE",
                            "In use",
                            "An ad account applied the code; its ads may use the post until the"
                                    + " authorization ends."),
                    code("IOS", "iOS"),
                    code(
                            "LANDING_URL",
                            "Landing page",
                            "The ad's web address answers and is allowed."),
                    code(
                            "LEAD_GENERATION",
                            "Lead generation",
                            "Collect sign-ups from people interested in your business."),
                    code("LEARN_MORE", "Learn more"),
                    code(
                            "LINKED",
                            "Account linked",
                            "The creator approved the ad account's link request."),
                    code(
                            "LINK_REQUESTED",
                            "Link requested",
                            "The ad account asked the creator to link their account."),
                    code("LISTEN_NOW", "Listen now"),
                    code(
                            "LOST",
                            "Post unavailable",
                            "The post was deleted or made private; ads using it stopped."),
                    code("MALE", "Male"),
                    code("NOT_USED", "Not used", "Issued; no ad account has applied the code yet."),
                    code("OCPM", "Per 1,000 impressions, optimized"),
                    code("OK", "Authorized", "The post may be used in the ad."),
                    code("ORDER_NOW", "Order now"),
                    code(
                            "PACING_MODE_FAST",
                            "Accelerated",
                            "Spend the budget as fast as possible."),
                    code(
                            "PACING_MODE_SMOOTH",
                            "Standard",
                            "Spend the budget evenly over the day or the run."),
                    code(
                            "PAGE_VISIT",
                            "Profile visits",
                            "Show the ad to people likely to visit the profile."),
                    code("PENDING", "Pending", "Waiting for a decision."),
                    code(
                            "PLACEMENT_TIKTOK",
                            "In-Feed",
                            "Between the posts of the For You feed, as people scroll."),
                    code(
                            "PLACEMENT_TYPE_AUTOMATIC",
                            "Automatic placement",
                            "Spark Ads chooses where the ads show."),
                    code(
                            "PLACEMENT_TYPE_NORMAL",
                            "Chosen placements",
                            "The ads show only where you chose."),
                    code(
                            "PLATFORM",
                            "The app, for the creator",
                            "The social app acting for the creator through the platform API."),
                    code("PLAY_GAME", "Play game"),
                    code(
                            "POLICY_TERMS",
                            "Advertising policy",
                            "The ad's text uses no words the advertising policy forbids."),
                    code(
                            "POST_PUBLIC",
                            "Post is public",
                            "The ad's post is public and not deleted."),
                    code(
                            "POST_UNAVAILABLE",
                            "Post no longer available",
                            "The creator deleted the post or made it private; ads using it"
                                    + " stopped."),
                    code(
                            "POST_UNBOUND",
                            "Post removed",
                            "The ad account removed the post from its Spark Ad posts."),
                    code("PRIVATE", "Private"),
                    code(
                            "PROFILE_PAGE",
                            "Profile page",
                            "A tap on the ad opens the creator's profile."),
                    code("PUBLIC", "Public"),
                    code(
                            "PULL_POSTS",
                            "Use existing posts",
                            "The ad account may run the creator's public posts as Spark Ads,"
                                    + " without codes."),
                    code(
                            "PUSH_VIDEOS",
                            "Publish new videos",
                            "The ad account may publish new videos under the creator's account"
                                    + " once they pass review."),
                    code("REACH", "Reach", "Show the ad to as many people as possible."),
                    code("READ_MORE", "Read more"),
                    code("REJECT", "Reject"),
                    code("REJECTED", "Rejected"),
                    code(
                            "REVIEWER",
                            "Reviewer",
                            "Checks new ads and pushed videos before they run."),
                    code(
                            "REVOKED",
                            "Revoked",
                            "The creator withdrew the authorization; ads using the post stopped."),
                    code(
                            "REVOKED_BY_CREATOR",
                            "Revoked by the creator",
                            "The creator revoked the code or turned ad authorization off."),
                    code(
                            "SCHEDULE_FROM_NOW",
                            "From now on",
                            "Runs from its start until it is paused."),
                    code("SCHEDULE_START_END", "Between two dates"),
                    code("SHOP_NOW", "Shop now"),
                    code("SHOW", "Impressions", "Show the ad as often as the budget allows."),
                    code("SIGN_UP", "Sign up"),
                    code("SUBSCRIBE", "Subscribe"),
                    code(
                            "SYSTEM",
                            "Spark Ads (automatic)",
                            "Done by Spark Ads itself, e.g. when an authorization ended."),
                    code("TOPVIEW", "TopView", "The first ad people see when they open the app."),
                    code(
                            "TRAFFIC",
                            "Traffic",
                            "Send people to your website or another destination."),
                    code(
                            "TRAFFIC_LANDING_PAGE_VIEW",
                            "Landing page views",
                            "Show the ad to people likely to open the landing page."),
                    code(
                            "TT_USER",
                            "Linked account",
                            "An account whose owner linked it to this ad account."),
                    code("UNLINKED", "Unlinked"),
                    code("VIDEO_VIEW", "Video views", "Show the ad to people likely to watch it."),
                    code("VIDEO_VIEWS", "Video views", "Get more people to watch your video."),
                    code("VIEW_NOW", "View now"),
                    code("VIEW_PROFILE", "View profile"),
                    code("VISIT_STORE", "Visit store"),
                    code("WATCH_NOW", "Watch now"),
                    code(
                            "WEBSITE",
                            "Website",
                            "A tap on the ad opens the landing page's web address."),
                    code(
                            "WEB_CONVERSIONS",
                            "Website conversions",
                            "Get people to act on your website."));

    /**
     * An ad's status as the creator reads it in the usage ledger, where "you" is the creator; a
     * status not named here reads as the advertiser's words.
     */
    private static final Map<String, String> FOR_CREATORS =
            Map.ofEntries(
                    Map.entry("AD_STATUS_ADGROUP_DISABLE", "Paused by the advertiser"),
                    Map.entry("AD_STATUS_ASSET_AUTHORIZATION_LOST", "Stopped: post unavailable"),
                    Map.entry("AD_STATUS_CAMPAIGN_DISABLE", "Paused by the advertiser"),
                    Map.entry("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED", "Stopped: you revoked it"),
                    Map.entry("AD_STATUS_DELIVERY_OK", "Running"),
                    Map.entry("AD_STATUS_DISABLE", "Paused by the advertiser"));

    /** Prefixes a code the dictionary does not know loses before it is read as words. */
    private static final List<String> PREFIXES =
            List.of(
                    "AD_STATUS_",
                    "ADGROUP_STATUS_",
                    "CAMPAIGN_STATUS_",
                    "BUDGET_MODE_",
                    "BID_TYPE_",
                    "PACING_MODE_",
                    "PLACEMENT_TYPE_",
                    "PLACEMENT_",
                    "OPTIMIZATION_GOAL_",
                    "OPTIMIZATION_");

    /** What people read for the code: {@code SHOP_NOW} "Shop now"; "—" for none. */
    public String of(Object code) {
        if (code == null) {
            return "—";
        }
        String name = name(code);
        Label label = DICTIONARY.get(name);
        return label != null ? label.words() : words(name);
    }

    /** A one-line explanation of the code for a badge's title, or an empty text when none. */
    public String title(Object code) {
        if (code == null) {
            return "";
        }
        Label label = DICTIONARY.get(name(code));
        return label == null ? "" : label.title();
    }

    /** An ad's status in the creator's words, for the usage ledger of their post. */
    public String forCreator(Object status) {
        if (status == null) {
            return "—";
        }
        String creators = FOR_CREATORS.get(name(status));
        return creators != null ? creators : of(status);
    }

    /** The labels of several codes, joined; "All" when there are none, as targeting reads. */
    public String ofAll(java.util.Collection<?> codes) {
        if (codes == null || codes.isEmpty()) {
            return "All";
        }
        return String.join(", ", codes.stream().map(this::of).toList());
    }

    /** Whether the dictionary names the code itself, rather than reading it as words. */
    boolean knows(Object code) {
        return code != null && DICTIONARY.containsKey(name(code));
    }

    /** Every code the dictionary names. */
    static Set<String> codes() {
        return DICTIONARY.keySet();
    }

    private static String name(Object code) {
        return code instanceof Enum<?> constant ? constant.name() : code.toString();
    }

    /** {@code AD_STATUS_SOME_STATE} reads "Some state": a known prefix off, then words. */
    static String words(String code) {
        String rest = code;
        for (String prefix : PREFIXES) {
            if (rest.startsWith(prefix) && rest.length() > prefix.length()) {
                rest = rest.substring(prefix.length());
                break;
            }
        }
        String words = rest.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
