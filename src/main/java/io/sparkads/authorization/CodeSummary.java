package io.sparkads.authorization;

import java.time.Instant;

/** A code as its creator sees it; never the code itself. */
public record CodeSummary(
        SparkCodeStatus status,
        Instant authStartTime,
        Instant authEndTime,
        String codeId,
        int uses) {}
