package io.sparkads.delivery.engine;

import java.time.Instant;

/** A further check of an otherwise eligible ad, consulted last, as it may look at shared state. */
@FunctionalInterface
public interface ServingFilter {
    ServingFilter NONE = (ad, viewer, now) -> true;

    boolean allows(AdCandidate ad, Viewer viewer, Instant now);
}
