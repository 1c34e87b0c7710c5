package io.sparkads.tracking;

import io.sparkads.delivery.ServedImpression;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An event that passed {@link EventIntake}'s checks, with what the checks found (the verified
 * impression, the cost), the time this platform received it and the event as sent (what the Kafka
 * path puts on the topic).
 */
record CheckedEvent(
        String eventId,
        EventType type,
        Instant occurredAt,
        String viewerId,
        String impressionId,
        ServedImpression impression,
        Long itemId,
        BigDecimal value,
        BigDecimal cost,
        EventViewer viewer,
        Instant receivedAt,
        EventIntake.IncomingEvent sent) {}
