package io.sparkads.tracking;

import java.time.Instant;
import java.util.List;

/**
 * The organic events a batch newly appended to the event log (never a resent one, never a paid
 * one), published in the transaction that accepts them, so a listener in that transaction counts
 * each exactly once.
 */
public record OrganicEventsAccepted(List<OrganicEvent> events) {
    public OrganicEventsAccepted {
        events = List.copyOf(events);
    }

    /** One organic event; {@code viewer} is what the host app said of its viewer, or null. */
    public record OrganicEvent(
            String eventId, EventType type, long itemId, Instant occurredAt, EventViewer viewer) {}
}
