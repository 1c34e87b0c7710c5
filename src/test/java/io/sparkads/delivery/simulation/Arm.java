package io.sparkads.delivery.simulation;

import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.AdRequest;
import io.sparkads.delivery.engine.BillingEvent;
import io.sparkads.delivery.engine.Decision;
import io.sparkads.delivery.engine.Exploration;
import io.sparkads.delivery.engine.Goal;
import io.sparkads.delivery.engine.ImpressionIds;
import io.sparkads.delivery.engine.Outcomes;
import io.sparkads.delivery.engine.Placement;
import io.sparkads.delivery.engine.PredictedRates;
import io.sparkads.delivery.engine.RateEstimates;
import io.sparkads.delivery.engine.ServingFilter;
import io.sparkads.delivery.engine.Viewer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One way of ranking, played on the common traffic: its own real {@link AdDecisionEngine}, the
 * outcomes of its own impressions per ad (as the rollups count them), what it charged, and, when it
 * learns, a fresh {@link RateEstimates} from those outcomes every {@code refreshEvery} requests.
 */
final class Arm {
    private static final byte[] SECRET =
            "simulation secret of at least thirty-two bytes".getBytes(StandardCharsets.US_ASCII);

    /**
     * Impressions of one ad group's ads per viewer in the run, as an ad group's frequency cap would
     * allow: it spreads traffic over more than the single best ad group, as real delivery does.
     */
    static final int FREQUENCY_CAP = 3;

    private final String name;
    private final AdDecisionEngine engine;
    private final boolean learns;
    private final Map<Long, SimulatedAd> ads = new HashMap<>();
    private final Map<Long, long[]> counts = new HashMap<>();
    private final Map<Long, Double> spentMicros = new HashMap<>();
    private final ServingFilter withinBudgetAndCap = this::withinBudgetAndCap;
    private final Map<Long, Integer> servedToViewer = new HashMap<>();
    private final Tally tally = new Tally();
    private int currentViewer;

    private Arm(
            String name,
            Scenario scenario,
            RateEstimates rates,
            Exploration exploration,
            boolean learns) {
        this.name = name;
        this.learns = learns;
        this.engine =
                EngineSeams.engine(new ImpressionIds(SECRET), () -> Scenario.START, exploration);
        engine.useRates(rates);
        for (SimulatedAd ad : scenario.ads()) {
            ads.put(ad.adId(), ad);
            engine.upsert(ad.candidate());
        }
    }

    /** Today's ranking: the assumed rates for every ad, no exploration, nothing learned. */
    static Arm fixed(Scenario scenario) {
        return new Arm("fixed", scenario, RateEstimates.assumed(), Exploration.NONE, false);
    }

    /** Rates learned from its own outcomes, refreshed, with exploration. */
    static Arm learned(Scenario scenario) {
        return new Arm(
                "learned",
                scenario,
                RateEstimates.assumed(),
                new Exploration(scenario.explorationShare(), scenario.seed()),
                true);
    }

    /** The true rate of every ad over the traffic it reaches, known from the start. */
    static Arm oracle(Scenario scenario) {
        Map<Long, PredictedRates> known = new HashMap<>();
        for (SimulatedAd ad : scenario.ads()) {
            known.put(ad.adId(), PredictedRates.known(ad.meanRates(scenario.segments())));
        }
        return new Arm("oracle", scenario, RateEstimates.known(known), Exploration.NONE, false);
    }

    String name() {
        return name;
    }

    /** Serves request {@code request} and plays what its viewer does with each ad. */
    void serve(long request, Traffic traffic, Instant now) {
        AdRequest adRequest =
                new AdRequest(
                        "request-" + request, Placement.IN_FEED, 1, traffic.viewer(request), null);
        currentViewer = traffic.viewerIndex(request);
        List<Decision> decisions = engine.decide(adRequest, withinBudgetAndCap, now);
        tally.requests++;
        int segment = traffic.segment(request);
        for (int slot = 0; slot < decisions.size(); slot++) {
            Decision decision = decisions.get(slot);
            SimulatedAd ad = ads.get(decision.ad().lineage().adId());
            Impression outcome = Impression.play(ad, segment, traffic, request, slot);
            record(ad, decision, outcome);
        }
    }

    /** Folds the outcomes counted so far into new estimates, as production's refresh does. */
    void refresh() {
        if (!learns) {
            return;
        }
        List<RateEstimates.AdOutcomes> evidence = new ArrayList<>(counts.size());
        counts.forEach(
                (adId, c) -> {
                    AdCandidate ad = ads.get(adId).candidate();
                    evidence.add(
                            new RateEstimates.AdOutcomes(
                                    ad.lineage(),
                                    ad.placement(),
                                    new Outcomes(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7])));
                });
        engine.useRates(RateEstimates.estimate(evidence));
    }

    /** The ad's impressions on this arm so far. */
    long impressions(long adId) {
        long[] c = counts.get(adId);
        return c == null ? 0 : c[0];
    }

    /** The ads that took most impressions, for reading a run: id, kind, impressions, spend. */
    String topAds(int n) {
        StringBuilder out = new StringBuilder(name).append(':');
        counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(n)
                .forEach(
                        e -> {
                            AdCandidate ad = ads.get(e.getKey()).candidate();
                            out.append(
                                    String.format(
                                            Locale.ROOT,
                                            " %d %s/%s bid %.2f imp %d clicks %d spent %.2f;",
                                            e.getKey(),
                                            ad.billingEvent(),
                                            ad.goal(),
                                            ad.bidMicros() / 1e6,
                                            e.getValue()[0],
                                            e.getValue()[1],
                                            spentMicros.get(e.getKey()) / 1e6));
                        });
        return out.toString();
    }

    /**
     * What CONVERT ads billed per impression (OCPM) paid per conversion against their target (their
     * bid): in all, against the spend-weighted target, and how many of the ads with at least {@code
     * minConversions} paid more than their own target. Empty on an engine without OCPM.
     */
    String costPerConversionAgainstTarget(int minConversions) {
        int judged = 0, above = 0;
        long conversions = 0;
        double spent = 0, targetTimesSpent = 0;
        for (Map.Entry<Long, long[]> e : counts.entrySet()) {
            AdCandidate ad = ads.get(e.getKey()).candidate();
            if (ad.goal() != Goal.CONVERT || !ad.billingEvent().name().equals("OCPM")) {
                continue;
            }
            long adConversions = e.getValue()[4];
            double adSpent = spentMicros.get(e.getKey());
            conversions += adConversions;
            spent += adSpent;
            targetTimesSpent += adSpent * ad.bidMicros();
            if (adConversions >= minConversions) {
                judged++;
                above += adSpent / adConversions > ad.bidMicros() ? 1 : 0;
            }
        }
        if (spent == 0) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "%s: OCPM ads paid %s per conversion (%d conversions) against a spend-weighted"
                        + " target of $%.2f; %d of %d ads with ≥ %d conversions paid above their"
                        + " own target",
                name,
                conversions == 0
                        ? "– (no conversion)"
                        : String.format(Locale.ROOT, "$%.2f", spent / conversions / 1e6),
                conversions,
                targetTimesSpent / spent / 1e6,
                above,
                judged,
                minConversions);
    }

    /**
     * Why CPC clicks cost what they cost on this arm: the clicks, the bid behind an average click
     * and its price, and the share of clicks charged the whole bid (the next ad's eCPM reached it).
     * Clicks per dollar is one over the price per click, so it moves with the bids of the ads that
     * win clicks and with how far below its bid each is priced.
     */
    String cpcPricing() {
        if (tally.cpcClicks == 0) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "%s: CPC %d clicks, bid per click $%.3f, price per click $%.3f (%.1f%% of the bid),"
                        + " %.0f%% of clicks charged their bid, %.0f%% of clicks on explored"
                        + " impressions",
                name,
                tally.cpcClicks,
                tally.cpcBidMicrosOfClicks / tally.cpcClicks / 1e6,
                tally.cpcSpentMicros / tally.cpcClicks / 1e6,
                100 * tally.cpcSpentMicros / tally.cpcBidMicrosOfClicks,
                100.0 * tally.cpcClicksAtBid / tally.cpcClicks,
                100.0 * tally.cpcExploredClicks / tally.cpcClicks);
    }

    Figures figures(long requests) {
        return tally.figures(name, requests);
    }

    private void record(SimulatedAd ad, Decision decision, Impression outcome) {
        long[] c = counts.computeIfAbsent(ad.adId(), id -> new long[8]);
        c[0]++;
        c[1] += outcome.click() ? 1 : 0;
        c[2] += outcome.sixSecondView() ? 1 : 0;
        c[3] += outcome.completion() ? 1 : 0;
        c[4] += outcome.conversion() ? 1 : 0;
        c[5] += outcome.engagement() ? 1 : 0;
        c[6] += outcome.profileVisit() ? 1 : 0;
        c[7] += outcome.follow() ? 1 : 0;

        BillingEvent billing = decision.ad().billingEvent();
        double charged;
        if (billing == BillingEvent.CPC) {
            charged = outcome.click() ? decision.chargedMicros() : 0;
        } else if (billing == BillingEvent.CPV) {
            charged = outcome.sixSecondView() ? decision.chargedMicros() : 0;
        } else {
            charged = decision.chargedMicros() / 1000.0; // CPM and oCPM: per 1000 impressions
        }
        spentMicros.merge(ad.adId(), charged, Double::sum);
        servedToViewer.merge(
                capKey(currentViewer, ad.candidate().lineage().adgroupId()), 1, Integer::sum);

        tally.impressions++;
        tally.revenueMicros += charged;
        tally.engagements += outcome.engagement() ? 1 : 0;
        tally.explored += EngineSeams.explored(decision) ? 1 : 0;
        if (billing == BillingEvent.CPC) {
            tally.cpcImpressions++;
            tally.cpcClicks += outcome.click() ? 1 : 0;
            tally.cpcSpentMicros += charged;
            if (outcome.click()) {
                tally.cpcBidMicrosOfClicks += decision.ad().bidMicros();
                tally.cpcClicksAtBid +=
                        decision.chargedMicros() == decision.ad().bidMicros() ? 1 : 0;
                tally.cpcExploredClicks += EngineSeams.explored(decision) ? 1 : 0;
            }
        }
        if (decision.ad().goal() == Goal.CONVERT) {
            tally.conversions += outcome.conversion() ? 1 : 0;
            tally.convertSpentMicros += charged;
        }
    }

    private boolean withinBudgetAndCap(AdCandidate candidate, Viewer viewer, Instant now) {
        long adId = candidate.lineage().adId();
        long adgroupId = candidate.lineage().adgroupId();
        if (servedToViewer.getOrDefault(capKey(currentViewer, adgroupId), 0) >= FREQUENCY_CAP) {
            return false;
        }
        long budget = ads.get(adId).budgetMicros();
        return budget == 0 || spentMicros.getOrDefault(adId, 0.0) < budget;
    }

    private static long capKey(int viewer, long adgroupId) {
        return ((long) viewer << 32) | adgroupId;
    }

    /** What one arm has done so far. */
    private static final class Tally {
        long requests;
        long impressions;
        double revenueMicros;
        long engagements;
        long explored;
        long cpcImpressions;
        long cpcClicks;
        double cpcSpentMicros;
        double cpcBidMicrosOfClicks;
        long cpcClicksAtBid;
        long cpcExploredClicks;
        long conversions;
        double convertSpentMicros;

        Figures figures(String arm, long atRequests) {
            return new Figures(
                    arm,
                    atRequests,
                    impressions,
                    revenueMicros / 1e6,
                    cpcSpentMicros == 0 ? 0 : cpcClicks / (cpcSpentMicros / 1e6),
                    cpcImpressions == 0 ? 0 : (double) cpcClicks / cpcImpressions,
                    convertSpentMicros == 0 ? 0 : conversions / (convertSpentMicros / 1e6),
                    impressions == 0 ? 0 : (double) engagements / impressions,
                    impressions == 0 ? 0 : (double) explored / impressions);
        }
    }
}
