package io.sparkads.tracking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Events taken in, by what became of them (docs/operations.md): {@code sparkads.events} with the
 * tag {@code outcome} = accepted (new, counted), duplicate (an event id already counted) or
 * rejected (invalid, listed back to the sender). The three counters are built once.
 */
@Component
public class EventMetrics {
    private final Counter accepted;
    private final Counter duplicate;
    private final Counter rejected;

    EventMetrics(MeterRegistry registry) {
        accepted = counter(registry, "accepted");
        duplicate = counter(registry, "duplicate");
        rejected = counter(registry, "rejected");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("sparkads.events")
                .description("Events taken in by the platform API, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** The outcome of one batch, once it is durable. */
    public void record(EventIntake.Outcome outcome) {
        accepted.increment(outcome.accepted());
        duplicate.increment(outcome.duplicates());
        rejected.increment(outcome.rejected().size());
    }

    /** A whole batch refused (empty or too large): each of its events is rejected. */
    public void rejected(int events) {
        rejected.increment(events);
    }
}
