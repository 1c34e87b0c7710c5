package io.sparkads.authorization;

import java.io.Serializable;
import java.time.Instant;

/** A fresh link request: the code the creator enters, shown only here. */
public record LinkRequest(long linkId, String linkCode, Instant expireTime)
        implements Serializable {}
