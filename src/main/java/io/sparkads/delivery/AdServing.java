package io.sparkads.delivery;

import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.AdRequest;
import io.sparkads.delivery.engine.Decision;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.ServingRules;
import io.sparkads.delivery.engine.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Serves one ad request as of one instant: the decision engine's choice, then the places the
 * serving rules hand out (frequency caps, TopView reservations), then the reservation of each ad's
 * charged price from its budgets (an ad whose budget is used up is dropped). The platform API
 * serves at the present; the demo serves at past instants to give a fresh workspace its history, so
 * both go through this one path and get impression ids signed with the time they were served.
 */
@Service
public class AdServing {
    private final AdDecisionEngine engine;
    private final ServingRules rules;
    private final BudgetReservations budgets;
    private final Clock clock;

    AdServing(
            AdDecisionEngine engine, ServingRules rules, BudgetReservations budgets, Clock clock) {
        this.engine = engine;
        this.rules = rules;
        this.budgets = budgets;
        this.clock = clock;
    }

    /** The decisions for a request of the platform API, served at the present. */
    public List<Decision> serveNow(AdRequest request) {
        return serve(request, clock.instant());
    }

    /** The decisions for the request at {@code at}; a place another request took drops an ad. */
    public List<Decision> serve(AdRequest request, Instant at) {
        return engine.decide(request, rules, at).stream()
                .filter(d -> rules.serve(d.ad(), request.viewer(), at))
                .filter(d -> budgets.reserve(d, at))
                .toList();
    }

    /** Who asks for ads, as the host app describes them; any field may be unknown. */
    public record ViewerAttributes(
            String viewerId,
            String region,
            String ageGroup,
            String gender,
            List<String> interests,
            String language,
            String os) {

        /** The viewer as the engine matches targeting against. */
        public Viewer toViewer() {
            return new Viewer(viewerId, region, ageGroup, gender, interests, language, os);
        }
    }

    /** An ad served into a feed: the impression id its events carry, and what it shows. */
    public record ServedAd(String impressionId, long adId, boolean spark, Long itemId) {}

    /** In-feed ads for the viewer, as of {@code at}. */
    public List<ServedAd> serveInFeed(
            String requestId, int slots, ViewerAttributes viewer, Instant at) {
        AdRequest request =
                new AdRequest(requestId, Placement.IN_FEED, slots, viewer.toViewer(), Set.of());
        return serve(request, at).stream()
                .map(
                        d ->
                                new ServedAd(
                                        d.impressionId(),
                                        d.ad().lineage().adId(),
                                        d.ad().spark(),
                                        d.ad().itemId()))
                .toList();
    }
}
