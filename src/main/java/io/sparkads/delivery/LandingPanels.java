package io.sparkads.delivery;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.CallToAction;
import io.sparkads.common.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The Profile Landing Page: a viewer who reaches a profile from a Spark ad sees, at the top, a
 * panel with part of the ad's landing page (its Open Graph card) and the ad's call to action. The
 * impression id the host app passes proves which ad led there; an id this platform did not sign, or
 * one of an ad shown under another identity, is refused.
 */
@Service
public class LandingPanels implements DisposableBean {
    private final Impressions impressions;
    private final Ads ads;
    private final OpenGraphFetcher fetcher;

    LandingPanels(
            Impressions impressions,
            Ads ads,
            Clock clock,
            @Value("${sparkads.landing-panel.timeout:2s}") Duration timeout,
            @Value("${sparkads.landing-panel.max-bytes:524288}") int maxBytes,
            @Value("${sparkads.landing-panel.allow-private-addresses:false}") boolean allowPrivate,
            @Value("${sparkads.landing-panel.cache-ttl:10m}") Duration cacheTtl) {
        this.impressions = impressions;
        this.ads = ads;
        this.fetcher =
                new OpenGraphFetcher(
                        new OpenGraphFetcher.Settings(
                                timeout,
                                maxBytes,
                                allowPrivate,
                                cacheTtl,
                                OpenGraphFetcher.Settings.DEFAULTS.failureTtl(),
                                OpenGraphFetcher.Settings.DEFAULTS.cacheSize()),
                        clock);
    }

    /** The call to action: its code, and its words for the button. */
    public record CallToActionView(String code, String label) {}

    /**
     * What the panel shows.
     *
     * @param fetched false when the landing page could not be read: then the panel is a plain card
     *     with the URL, titled with its host
     */
    public record LandingPanel(
            String adId,
            String title,
            String description,
            String imageUrl,
            String url,
            CallToActionView callToAction,
            boolean fetched) {}

    /**
     * The ad behind a visit to the profile of {@code accountId}, as its verified impression names
     * it, and the panel of its landing page (empty for an ad without one).
     */
    public record Entry(ServedImpression impression, Optional<LandingPanel> panel) {}

    /** The entry from the impression; refused when it is not ours or not an ad of this account. */
    public Entry enter(String impressionId, long accountId) {
        ServedImpression impression =
                impressions
                        .verify(impressionId)
                        .orElseThrow(
                                () ->
                                        Refusal.invalid(
                                                "impression_id is not one this platform issued: pass the"
                                                        + " impression_id of the ad, unchanged, as ad_requests"
                                                        + " answered it"));
        long adId = impression.lineage().adId();
        Ad ad =
                ads.find(adId)
                        .orElseThrow(() -> Refusal.notFound("The ad of this impression is gone"));
        if (!ad.spark()) {
            throw Refusal.invalid(
                    "impression_id is of a non-Spark ad, whose custom identity has no profile page;"
                            + " only a Spark ad leads to a profile");
        }
        if (!ad.identityId().equals(String.valueOf(accountId))) {
            throw Refusal.invalid(
                    "impression_id is of an ad shown under account "
                            + ad.identityId()
                            + ", not account "
                            + accountId
                            + ": open that account's profile, or leave out impression_id");
        }
        return new Entry(impression, Optional.ofNullable(panelOf(ad)));
    }

    private LandingPanel panelOf(Ad ad) {
        if (ad.landingPageUrl() == null) {
            return null;
        }
        OpenGraphCard card = fetcher.card(ad.landingPageUrl());
        CallToAction cta =
                ad.callToAction() == null
                        ? CallToAction.DEFAULT
                        : CallToAction.valueOf(ad.callToAction());
        return new LandingPanel(
                String.valueOf(ad.id()),
                card.title(),
                card.description(),
                card.imageUrl(),
                card.url(),
                new CallToActionView(cta.wireName(), cta.label()),
                card.fetched());
    }

    @Override
    public void destroy() {
        fetcher.close();
    }
}
