package io.sparkads.tracking;

import java.util.List;

/**
 * Where intake hands accepted events when a broker is configured (the Kafka path): events leave the
 * request once the broker holds them, and consumers count them later. Without a broker there is no
 * bean of this type and intake counts events in the request (the direct path).
 */
public interface EventQueue {
    /**
     * Returns once the broker has acknowledged every event; throws {@link
     * io.sparkads.common.Refusal} of kind {@code UNAVAILABLE} (503) when it did not in time.
     */
    void publish(List<ReceivedEvent> events);

    /** Events on the topic that no consumer has counted yet, per partition. */
    Backlog backlog();

    /**
     * @param known false when the broker did not answer (the figures are then empty)
     */
    record Backlog(boolean known, long total, List<Partition> partitions) {
        public record Partition(int partition, long waiting, long counted, long written) {}
    }
}
