package io.sparkads.tracking;

import io.sparkads.common.Refusal;
import org.springframework.stereotype.Service;

/**
 * The platform API's events request, wherever it arrives (the servlet stack or the lean listener):
 * the batch through {@link EventIntake}, and the metrics of both.
 */
@Service
public class PlatformEvents {
    private final EventIntake intake;
    private final EventMetrics metrics;

    PlatformEvents(EventIntake intake, EventMetrics metrics) {
        this.intake = intake;
        this.metrics = metrics;
    }

    /** Accepted, duplicate and rejected events; when it returns, the accepted ones are durable. */
    public EventIntake.Outcome accept(EventBatch batch) {
        EventIntake.Outcome outcome;
        try {
            outcome = intake.accept(batch.events());
        } catch (Refusal refused) {
            metrics.rejected(batch.events() == null ? 0 : batch.events().size());
            throw refused;
        }
        metrics.record(outcome); // after the commit: what is counted here is durable
        return outcome;
    }
}
