package io.sparkads.campaigns.web;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdListings;
import java.util.List;
import java.util.Map;

/**
 * Ads as the Ads Manager lists them: each with how loudly to show its {@code secondary_status} (the
 * words come from {@code @labels}) and, on the Ads page, the names of its campaign and ad group.
 * The Ads page and an ad group's page share the rendering.
 */
final class AdRows {
    private AdRows() {}

    /**
     * An ad's row; {@code campaignName} and {@code adgroupName} are null where the page is already
     * the ad group's.
     */
    record AdRow(Ad ad, String tone, String campaignName, String adgroupName) {}

    private static final Map<String, String> TONES =
            Map.ofEntries(
                    Map.entry("AD_STATUS_ASSET_AUTHORIZATION_LOST", "bad"),
                    Map.entry("AD_STATUS_AUDIT", "info"),
                    Map.entry("AD_STATUS_AUDIT_DENY", "bad"),
                    Map.entry("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED", "bad"),
                    Map.entry("AD_STATUS_DELIVERY_OK", "ok"),
                    Map.entry("AD_STATUS_NOT_START", "info"));

    static List<AdRow> of(List<Ad> ads) {
        return ads.stream().map(ad -> new AdRow(ad, tone(ad), null, null)).toList();
    }

    static List<AdRow> listed(List<AdListings.Listed> listed) {
        return listed.stream()
                .map(l -> new AdRow(l.ad(), tone(l.ad()), l.campaignName(), l.adgroupName()))
                .toList();
    }

    /** ok, info, bad, or muted for a paused, finished or unknown one. */
    static String tone(Ad ad) {
        return TONES.getOrDefault(ad.secondaryStatus(), "muted");
    }
}
