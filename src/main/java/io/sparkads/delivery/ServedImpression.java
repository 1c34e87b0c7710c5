package io.sparkads.delivery;

import io.sparkads.common.AdLineage;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a verified impression id says about the ad that was served, its price, and the audience of
 * the ad request that served it ({@code null} attributes are unknown).
 *
 * @param placement IN_FEED or TOPVIEW
 * @param ageGroup one of TikTok's age groups, e.g. AGE_18_24
 * @param gender MALE or FEMALE
 * @param region the viewer's two-letter region, e.g. US
 * @param chargedPrice what one billing event of this serving costs, at most {@code bidPrice}: the
 *     price the decision set, which intake bills and budgets reserved
 */
public record ServedImpression(
        AdLineage lineage,
        Long itemId,
        boolean spark,
        String billingEvent,
        BigDecimal bidPrice,
        Instant servedAt,
        String placement,
        String ageGroup,
        String gender,
        String region,
        BigDecimal chargedPrice) {}
