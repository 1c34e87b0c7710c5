package io.sparkads.campaigns.web;

import io.sparkads.campaigns.Ad;
import java.util.List;
import java.util.Map;

/**
 * Ads as the Ads Manager lists them: each with what its {@code secondary_status} means to an
 * advertiser and how loudly to show it. The Ads page and an ad group's page share the rendering.
 */
final class AdRows {
    private AdRows() {}

    record Status(String label, String tone) {}

    record AdRow(Ad ad, Status status) {}

    private static final Map<String, Status> STATUSES =
            Map.ofEntries(
                    Map.entry("AD_STATUS_DELIVERY_OK", new Status("Delivering", "ok")),
                    Map.entry("AD_STATUS_AUDIT", new Status("In review", "info")),
                    Map.entry("AD_STATUS_AUDIT_DENY", new Status("Rejected in review", "bad")),
                    Map.entry(
                            "AD_STATUS_CREATOR_AUTHORIZATION_REVOKED",
                            new Status("Creator revoked the authorization", "bad")),
                    Map.entry(
                            "AD_STATUS_ASSET_AUTHORIZATION_LOST",
                            new Status("Post no longer available", "bad")),
                    Map.entry("AD_STATUS_CAMPAIGN_DISABLE", new Status("Campaign paused", "muted")),
                    Map.entry("AD_STATUS_ADGROUP_DISABLE", new Status("Ad group paused", "muted")),
                    Map.entry("AD_STATUS_DISABLE", new Status("Paused", "muted")),
                    Map.entry("AD_STATUS_NOT_START", new Status("Scheduled", "info")),
                    Map.entry("AD_STATUS_DONE", new Status("Finished", "muted")),
                    Map.entry("AD_STATUS_DELETE", new Status("Deleted", "muted")));

    static List<AdRow> of(List<Ad> ads) {
        return ads.stream()
                .map(
                        ad ->
                                new AdRow(
                                        ad,
                                        STATUSES.getOrDefault(
                                                ad.secondaryStatus(),
                                                new Status(ad.secondaryStatus(), "muted"))))
                .toList();
    }
}
