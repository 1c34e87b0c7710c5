package io.sparkads.common.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How pages name the values of enums, as {@code ${@labels.of(status)}}: {@code IN_USE} reads "In
 * use", {@code CODE_ISSUED} "Code issued". The constant stays in the element's title for support.
 */
@Component("labels")
class PageLabels {

    /** Words and a one-line explanation for codes whose words are not their name's. */
    private static final Map<String, String[]> WORDS =
            Map.ofEntries(
                    Map.entry(
                            "AD_STATUS_ADGROUP_DISABLE",
                            new String[] {
                                "Ad group paused",
                                "The ad's ad group is paused, so the ad does not run."
                            }),
                    Map.entry(
                            "AD_STATUS_ASSET_AUTHORIZATION_LOST",
                            new String[] {
                                "Post no longer available",
                                "The creator deleted the post or made it private; the ad stopped at once."
                            }),
                    Map.entry(
                            "AD_STATUS_AUDIT",
                            new String[] {
                                "In review",
                                "Reviewers check every new or changed ad before it can run."
                            }),
                    Map.entry(
                            "AD_STATUS_AUDIT_DENY",
                            new String[] {
                                "Rejected in review",
                                "The ad did not pass review; its page says why."
                            }),
                    Map.entry(
                            "AD_STATUS_CAMPAIGN_DISABLE",
                            new String[] {
                                "Campaign paused",
                                "The ad's campaign is paused, so the ad does not run."
                            }),
                    Map.entry(
                            "AD_STATUS_CREATOR_AUTHORIZATION_REVOKED",
                            new String[] {
                                "Creator revoked the authorization",
                                "The creator withdrew the permission to use the post; the ad stopped at once."
                            }),
                    Map.entry(
                            "AD_STATUS_DELIVERY_OK",
                            new String[] {"Delivering", "The ad is approved and running."}),
                    Map.entry("AD_STATUS_DISABLE", new String[] {"Paused", "The ad was paused."}),
                    Map.entry(
                            "AD_STATUS_NOT_START",
                            new String[] {
                                "Scheduled", "The ad group's schedule has not started yet."
                            }),
                    Map.entry(
                            "AUTHORIZATION",
                            new String[] {
                                "Ad authorization",
                                "The post's creator has authorized this ad account to use it."
                            }),
                    Map.entry(
                            "DISABLE",
                            new String[] {
                                "Paused", "Turned off; it does not run until it is enabled again."
                            }),
                    Map.entry(
                            "ENABLE",
                            new String[] {
                                "Enabled", "Turned on; it runs when everything else allows."
                            }),
                    Map.entry(
                            "LANDING_URL",
                            new String[] {
                                "Landing page", "The ad's web address answers and is allowed."
                            }),
                    Map.entry(
                            "POLICY_TERMS",
                            new String[] {
                                "Advertising policy",
                                "The ad's text uses no words the advertising policy forbids."
                            }),
                    Map.entry(
                            "POST_PUBLIC",
                            new String[] {
                                "Post is public", "The ad's post is public and not deleted."
                            }));

    public String of(Object value) {
        if (value == null) {
            return "—";
        }
        String name = value instanceof Enum<?> constant ? constant.name() : value.toString();
        if (WORDS.containsKey(name)) {
            return WORDS.get(name)[0];
        }
        String words = name.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A one-line explanation of the value for a badge's title, or an empty text when none. */
    public String title(Object value) {
        String name =
                value instanceof Enum<?> constant
                        ? constant.name()
                        : value == null ? "" : value.toString();
        return WORDS.containsKey(name) ? WORDS.get(name)[1] : "";
    }
}
