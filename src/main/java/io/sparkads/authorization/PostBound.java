package io.sparkads.authorization;

/** An ad account applied a code: the post is now in its creative library. */
public record PostBound(long advertiserId, long itemId, long accountId) {}
