package io.sparkads.authorization;

import java.time.Instant;

/**
 * An ad account that may use a post, how ({@code AUTH_CODE} through a code, {@code TT_USER} through
 * an account link), and since when.
 */
public record PostUse(
        long advertiserId, String identityType, Instant since, SparkCodeStatus status) {}
