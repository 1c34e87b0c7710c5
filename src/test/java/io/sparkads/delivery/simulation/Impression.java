package io.sparkads.delivery.simulation;

import io.sparkads.delivery.engine.Rate;
import io.sparkads.delivery.simulation.Traffic.Draw;

/** What one viewer did with one ad served in one slot of one request. */
record Impression(
        boolean click,
        boolean conversion,
        boolean sixSecondView,
        boolean completion,
        boolean engagement,
        boolean profileVisit,
        boolean follow) {

    /**
     * Plays the viewer against the ad's true rates for the viewer's segment, with the traffic's
     * common draws: the same request and slot give the same draws whichever ad is shown.
     */
    static Impression play(SimulatedAd ad, int segment, Traffic traffic, long request, int slot) {
        boolean click =
                traffic.uniform(request, slot, Draw.CLICK) < ad.rate(segment, Rate.CLICK_THROUGH);
        boolean conversion =
                click
                        && traffic.uniform(request, slot, Draw.CONVERSION)
                                < ad.rate(segment, Rate.CONVERSION);
        double view = ad.rate(segment, Rate.SIX_SECOND_VIEW);
        boolean sixSecondView = traffic.uniform(request, slot, Draw.SIX_SECOND_VIEW) < view;
        // completion given a 6-second view, so completions per impression match the true rate
        boolean completion =
                sixSecondView
                        && view > 0
                        && traffic.uniform(request, slot, Draw.COMPLETION)
                                < ad.rate(segment, Rate.COMPLETION) / view;
        return new Impression(
                click,
                conversion,
                sixSecondView,
                completion,
                traffic.uniform(request, slot, Draw.ENGAGEMENT) < ad.rate(segment, Rate.ENGAGEMENT),
                traffic.uniform(request, slot, Draw.PROFILE_VISIT)
                        < ad.rate(segment, Rate.PROFILE_VISIT),
                traffic.uniform(request, slot, Draw.FOLLOW) < ad.rate(segment, Rate.FOLLOW));
    }
}
