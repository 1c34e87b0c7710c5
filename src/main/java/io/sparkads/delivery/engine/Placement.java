package io.sparkads.delivery.engine;

/** Where an ad is shown: a slot in the feed, or full screen at app open. */
public enum Placement {
    IN_FEED,
    TOPVIEW
}
