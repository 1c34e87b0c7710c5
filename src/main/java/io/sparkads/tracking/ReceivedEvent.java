package io.sparkads.tracking;

import java.time.Instant;

/**
 * An event as the host app sent it and the time intake received it: what the Kafka path writes to
 * the topic, so that the consumer repeats intake's checks against the same clock reading.
 */
public record ReceivedEvent(EventIntake.IncomingEvent event, Instant receivedAt) {}
