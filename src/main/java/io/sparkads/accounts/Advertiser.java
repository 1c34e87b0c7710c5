package io.sparkads.accounts;

import java.time.Instant;
import java.time.ZoneId;

/** An ad account: its time zone governs daily budgets and daily report rows. */
public record Advertiser(
        long id, String name, String currency, ZoneId timezone, Instant createdAt) {}
