package io.sparkads.common;

/**
 * An ad's place in the account tree: the ad, its ad group, its campaign and its advertiser. The
 * four ids always travel together (from the deliverable ad to the engine, into the signed
 * impression id, back out as a served impression and on to the rollups), so they travel as one
 * value. Plain Java, so the decision engine can carry it.
 */
public record AdLineage(long adId, long adgroupId, long campaignId, long advertiserId) {}
