package io.sparkads.authorization;

import java.time.Instant;

/** A fresh link request: the code the creator enters, shown only here. */
public record LinkRequest(long linkId, String linkCode, Instant expireTime)
        implements java.io.Serializable {}
