package io.sparkads.campaigns;

import java.math.BigDecimal;
import java.time.Instant;

public record Campaign(
        long id,
        long advertiserId,
        String campaignName,
        String objectiveType,
        String budgetMode,
        BigDecimal budget,
        OperationStatus operationStatus,
        Instant createTime,
        Instant modifyTime) {}
