package io.sparkads.reporting.web;

import java.util.Map;

/**
 * An ad's {@code secondary_status} in words, as reporting's pages say it: to the advertiser on the
 * ad's page, and to the creator in their post's usage ledger, where "you" is the creator. One place
 * for both, so a new status is worded for both readers together.
 */
final class AdStatusWords {
    private AdStatusWords() {}

    /** The advertiser's words, on the ad's page. */
    static final Map<String, String> FOR_ADVERTISERS =
            Map.of(
                    "AD_STATUS_DELIVERY_OK", "Delivering",
                    "AD_STATUS_AUDIT", "In review",
                    "AD_STATUS_AUDIT_DENY", "Rejected in review",
                    "AD_STATUS_CREATOR_AUTHORIZATION_REVOKED", "Creator revoked the authorization",
                    "AD_STATUS_ASSET_AUTHORIZATION_LOST", "Post no longer available",
                    "AD_STATUS_DISABLE", "Paused");

    /** The creator's words, in the usage ledger; the code stays in the title. */
    static final Map<String, String> FOR_CREATORS =
            Map.ofEntries(
                    Map.entry("AD_STATUS_DELIVERY_OK", "Running"),
                    Map.entry("AD_STATUS_AUDIT", "In review"),
                    Map.entry("AD_STATUS_AUDIT_DENY", "Rejected in review"),
                    Map.entry("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED", "Stopped: you revoked it"),
                    Map.entry("AD_STATUS_ASSET_AUTHORIZATION_LOST", "Stopped: post unavailable"),
                    Map.entry("AD_STATUS_CAMPAIGN_DISABLE", "Paused by the advertiser"),
                    Map.entry("AD_STATUS_ADGROUP_DISABLE", "Paused by the advertiser"),
                    Map.entry("AD_STATUS_DISABLE", "Paused by the advertiser"),
                    Map.entry("AD_STATUS_NOT_START", "Scheduled"),
                    Map.entry("AD_STATUS_DONE", "Finished"),
                    Map.entry("AD_STATUS_DELETE", "Deleted"));

    /** The advertiser's words; a status without any reads as its code without the prefix. */
    static String forAdvertiser(String status) {
        return FOR_ADVERTISERS.getOrDefault(
                status, status.replace("AD_STATUS_", "").replace('_', ' '));
    }
}
