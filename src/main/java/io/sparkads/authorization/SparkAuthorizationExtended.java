package io.sparkads.authorization;

import java.util.Set;

/** The creator extended an authorization: ads using the post may run until its new end. */
public record SparkAuthorizationExtended(long itemId, Set<Long> advertiserIds) {}
