package io.sparkads.delivery;

import java.math.BigDecimal;
import java.time.Instant;

/** What a verified impression id says about the ad that was served and its price. */
public record ServedImpression(
        long adId,
        long adgroupId,
        long campaignId,
        long advertiserId,
        Long itemId,
        boolean spark,
        String billingEvent,
        BigDecimal bidPrice,
        Instant servedAt) {}
