package io.sparkads.authorization;

/** A creator and an advertiser are no longer linked: ads of that identity stop. */
public record AccountUnlinked(long advertiserId, long accountId, String reason) {}
