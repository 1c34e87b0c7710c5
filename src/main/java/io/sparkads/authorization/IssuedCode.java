package io.sparkads.authorization;

import java.io.Serializable;
import java.time.Instant;

/** A freshly issued authorization code; the only moment the code itself is known. */
public record IssuedCode(long itemId, String authCode, Instant authStartTime, Instant authEndTime)
        implements Serializable {}
