package io.sparkads.delivery.engine;

/** One ad chosen for a request, with the impression id its events must carry. */
public record Decision(String impressionId, AdCandidate ad) {}
