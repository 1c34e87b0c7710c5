package io.sparkads.delivery.simulation;

import io.sparkads.delivery.engine.Viewer;

/**
 * A group of viewers who look alike to targeting and react alike to ads.
 *
 * @param prototype the segment's viewer, without an id (each request's viewer gets its own)
 * @param share the segment's share of requests, in (0, 1]
 * @param interest the interest an ad targets to reach this segment alone
 */
record Segment(String name, Viewer prototype, double share, String interest) {
    Segment {
        if (name == null || prototype == null || interest == null) {
            throw new IllegalArgumentException("name, prototype and interest are required");
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        }
        if (!prototype.interests().contains(interest)) {
            throw new IllegalArgumentException("the prototype viewer must have the interest");
        }
    }
}
