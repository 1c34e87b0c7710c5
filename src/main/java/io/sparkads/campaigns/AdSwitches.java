package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enabling and pausing ads from the Ads Manager's pages, one by one: an ad that cannot run is not
 * enabled, and the page names it with the reason, while the others change. Pausing is always
 * possible: it can only stop spending. Duplicating an ad is here too, as the pages offer it beside
 * them.
 */
@Service
public class AdSwitches {
    private final Ads ads;

    AdSwitches(Ads ads) {
        this.ads = ads;
    }

    /** An ad left as it was, and why. */
    public record Refused(Ad ad, String reason) {}

    /** The ads switched and those left as they were. */
    public record Outcome(List<Ad> changed, List<Refused> refused) {}

    /**
     * Enables or pauses the advertiser's ads; an unknown or deleted one refuses the whole change,
     * as the page cannot have shown it.
     */
    @Transactional
    public Outcome change(long advertiserId, Collection<Long> adIds, OperationStatus status) {
        if (status == null || status == OperationStatus.DELETE) {
            throw Refusal.invalid("Ads are enabled or paused here");
        }
        List<Ad> changed = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (long adId : adIds) {
            Ad ad = ads.get(advertiserId, adId);
            whyNot(ad, status)
                    .ifPresentOrElse(
                            reason -> refused.add(new Refused(ad, reason)), () -> changed.add(ad));
        }
        if (!changed.isEmpty()) {
            ads.updateStatus(advertiserId, changed.stream().map(Ad::id).toList(), status);
        }
        return new Outcome(List.copyOf(changed), List.copyOf(refused));
    }

    /**
     * Why the ad cannot be switched to the status, in the advertiser's words; empty when it can.
     */
    public static Optional<String> whyNot(Ad ad, OperationStatus status) {
        if (status != OperationStatus.ENABLE) {
            return Optional.empty();
        }
        if (ad.authorizationStatus() == Ad.AuthorizationStatus.REVOKED) {
            return Optional.of(
                    "the creator revoked the authorization of its post; give it another post to run it again");
        }
        if (ad.authorizationStatus() == Ad.AuthorizationStatus.LOST) {
            return Optional.of(
                    "its post is no longer available; give it another post to run it again");
        }
        if (ad.reviewStatus() == Ad.ReviewStatus.REJECTED) {
            return Optional.of("it was rejected in review; edit it and it goes back to review");
        }
        return Optional.empty();
    }

    /**
     * A copy of the ad in the same ad group, named "Copy of …": it shows the same creative, and
     * waits in review as every new ad does.
     */
    @Transactional
    public Ad duplicate(long advertiserId, long adId) {
        Ad ad = ads.get(advertiserId, adId);
        String name = "Copy of " + ad.adName();
        boolean post = ad.spark() && ad.tiktokItemId() != null;
        Ads.NewAd copy =
                new Ads.NewAd(
                        name.length() > 512 ? name.substring(0, 512) : name,
                        ad.identityType(),
                        ad.identityId(),
                        ad.tiktokItemId(),
                        post ? null : ad.adText(),
                        ad.callToAction(),
                        ad.landingPageUrl(),
                        post ? null : ad.videoId(),
                        ad.tiktokPageCategory());
        return ads.create(advertiserId, ad.adgroupId(), List.of(copy)).get(0);
    }
}
