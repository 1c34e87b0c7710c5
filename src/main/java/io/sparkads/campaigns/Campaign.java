package io.sparkads.campaigns;

import java.math.BigDecimal;
import java.time.Instant;

/** A campaign as stored, with TikTok's field names. */
public record Campaign(
        long id,
        long advertiserId,
        String campaignName,
        Objective objectiveType,
        BudgetMode budgetMode,
        BigDecimal budget,
        OperationStatus operationStatus,
        Instant createTime,
        Instant modifyTime) {}
