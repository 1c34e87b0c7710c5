package io.sparkads.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An ad group as stored, with TikTok's field names. */
public record AdGroup(
        long id,
        long advertiserId,
        long campaignId,
        String adgroupName,
        AdPlacement placement,
        List<String> locationIds,
        List<String> ageGroups,
        String gender,
        List<String> languages,
        List<String> interestCategoryIds,
        List<String> operatingSystems,
        BudgetMode budgetMode,
        BigDecimal budget,
        ScheduleType scheduleType,
        Instant scheduleStartTime,
        Instant scheduleEndTime,
        Billing billingEvent,
        BigDecimal bidPrice,
        OptimizationGoal optimizationGoal,
        OperationStatus operationStatus,
        Instant createTime,
        Instant modifyTime,
        Integer frequency,
        Integer frequencySchedule,
        String dayparting,
        Integer topviewDailyImpressions,
        PacingMode pacing) {

    /** What the advertiser decided, as changes start from. */
    public AdGroupSettings settings() {
        return new AdGroupSettings(
                adgroupName,
                placement,
                topviewDailyImpressions,
                targeting(),
                new Budget(budgetMode, budget),
                new Schedule(scheduleType, scheduleStartTime, scheduleEndTime),
                new Bid(billingEvent, bidPrice, optimizationGoal),
                frequency == null ? null : new FrequencyCap(frequency, frequencySchedule),
                dayparting,
                pacing);
    }

    /** Whom the ad group reaches. */
    public Targeting targeting() {
        return new Targeting(
                locationIds, ageGroups, gender, languages, interestCategoryIds, operatingSystems);
    }
}
