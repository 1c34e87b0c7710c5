package io.sparkads.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sparkads.delivery.engine.Placement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The ad request path's meters (docs/operations.md): every meter is built here once, for each
 * placement and outcome, so a request only looks one up in an enum map and increments it.
 */
@Component
public class DeliveryMetrics {
    /** What became of an ad request. */
    public enum Outcome {
        /** At least one ad was served. */
        FILLED,
        /** Nothing was eligible, or every place was taken. */
        EMPTY,
        /** The request was refused as invalid (a 400). */
        REJECTED
    }

    /** The placement tag of a request whose placement is missing or not one we know. */
    static final String UNKNOWN_PLACEMENT = "unknown";

    private final Map<Placement, Map<Outcome, Counter>> requests = new EnumMap<>(Placement.class);
    private final Map<Placement, Timer> latency = new EnumMap<>(Placement.class);
    private final Map<Placement, Counter> served = new EnumMap<>(Placement.class);
    private final Counter rejectedUnknownPlacement;

    DeliveryMetrics(MeterRegistry registry) {
        for (Placement placement : Placement.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, requestCounter(registry, placement.name(), outcome));
            }
            requests.put(placement, byOutcome);
            latency.put(
                    placement,
                    Timer.builder("sparkads.decision.latency")
                            .description(
                                    "Time to decide an ad request: the engine's choice and the"
                                            + " serving rules (caps, reservations)")
                            .tag("placement", placement.name())
                            .publishPercentileHistogram()
                            .minimumExpectedValue(
                                    Duration.ofMillis(1)) // keeps the bucket count small
                            .maximumExpectedValue(Duration.ofSeconds(2))
                            .register(registry));
            served.put(
                    placement,
                    Counter.builder("sparkads.ads.served")
                            .description("Ads served in answers to ad requests")
                            .tag("placement", placement.name())
                            .register(registry));
        }
        rejectedUnknownPlacement = requestCounter(registry, UNKNOWN_PLACEMENT, Outcome.REJECTED);
    }

    private static Counter requestCounter(
            MeterRegistry registry, String placement, Outcome outcome) {
        return Counter.builder("sparkads.ad.requests")
                .description("Ad requests of the platform API, by placement and outcome")
                .tag("placement", placement)
                .tag("outcome", outcome.name().toLowerCase())
                .register(registry);
    }

    /** A request that was decided in {@code nanos} and served {@code ads} ads. */
    public void decided(Placement placement, long nanos, int ads) {
        latency.get(placement).record(nanos, TimeUnit.NANOSECONDS);
        requests.get(placement).get(ads > 0 ? Outcome.FILLED : Outcome.EMPTY).increment();
        if (ads > 0) {
            served.get(placement).increment(ads);
        }
    }

    /** A request refused as invalid, with the placement it named (any text, or nothing). */
    public void rejected(String placement) {
        for (Placement known : Placement.values()) {
            if (known.name().equals(placement)) {
                requests.get(known).get(Outcome.REJECTED).increment();
                return;
            }
        }
        rejectedUnknownPlacement.increment();
    }
}
