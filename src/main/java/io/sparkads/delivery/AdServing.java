package io.sparkads.delivery;

import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.AdRequest;
import io.sparkads.delivery.engine.Decision;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.ServingRules;
import io.sparkads.delivery.engine.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Serves one ad request as of one instant: the decision engine's choice, then for each ad the
 * reservation of its charged price from its budgets, then the place the serving rules hand out
 * (frequency caps, TopView reservations); an ad refused by either is dropped. The platform API
 * serves at the present; the demo serves at past instants to give a fresh workspace its history, so
 * both go through this one path and get impression ids signed with the time they were served.
 */
@Service
public class AdServing {
    private final AdDecisionEngine engine;
    private final ServingRules rules;
    private final ServingBudgets budgets;
    private final Clock clock;

    AdServing(AdDecisionEngine engine, ServingRules rules, ServingBudgets budgets, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine must not be null");
        this.rules = Objects.requireNonNull(rules, "rules must not be null");
        this.budgets = Objects.requireNonNull(budgets, "budgets must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
    }

    /** The decisions for a request of the platform API, served at the present. */
    public List<Decision> serveNow(AdRequest request) {
        return serve(request, clock.instant());
    }

    /** The decisions for the request at {@code at}; a place another request took drops an ad. */
    public List<Decision> serve(AdRequest request, Instant at) {
        List<Decision> served = new ArrayList<>();
        for (Decision decision : engine.decide(request, rules, at)) {
            // Budget first: a reservation is given back in this server's memory, while a rule's
            // place is counted across servers, which may already have stopped asking on seeing it
            // taken (a full TopView day, a viewer at the cap), so a place is taken only to be kept.
            ServingBudgets.Reservation reservation = budgets.reserve(decision, at);
            if (reservation == null) {
                continue;
            }
            boolean placed = false;
            try {
                placed = rules.serve(decision.ad(), request.viewer(), at);
            } finally {
                if (!placed) {
                    reservation.release(); // refused, or the counts could not be asked
                }
            }
            if (placed) {
                served.add(decision);
            }
        }
        return List.copyOf(served);
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
