package io.sparkads.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record AdGroup(
        long id,
        long advertiserId,
        long campaignId,
        String adgroupName,
        String placement,
        List<String> locationIds,
        List<String> ageGroups,
        String gender,
        List<String> languages,
        List<String> interestCategoryIds,
        List<String> operatingSystems,
        String budgetMode,
        BigDecimal budget,
        String scheduleType,
        Instant scheduleStartTime,
        Instant scheduleEndTime,
        String billingEvent,
        BigDecimal bidPrice,
        String optimizationGoal,
        OperationStatus operationStatus,
        Instant createTime,
        Instant modifyTime,
        Integer frequency,
        Integer frequencySchedule,
        String dayparting,
        Integer topviewDailyImpressions) {}
