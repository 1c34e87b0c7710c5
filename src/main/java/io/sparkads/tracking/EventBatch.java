package io.sparkads.tracking;

import java.util.List;

/** A platform API events request as the host app sends it: {@code {"events": [...]}}. */
public record EventBatch(List<EventIntake.IncomingEvent> events) {}
