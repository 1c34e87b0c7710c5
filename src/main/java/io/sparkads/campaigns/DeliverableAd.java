package io.sparkads.campaigns;

import io.sparkads.common.AdLineage;
import io.sparkads.common.Creative;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

/**
 * An approved, enabled ad with everything the decision engine needs to serve it. {@code end} is the
 * earlier of the ad group's schedule end and the post's authorization end, so an expired
 * authorization can never be served, whatever a scheduler does. The creative's {@code posterUrl} is
 * the poster frame of an uploaded video, null for a host app's own post. {@code campaignBudget} and
 * {@code adgroupBudget} are what delivery reserves each serving's price from, {@code pacing} (the
 * ad group's, TikTok's name) how fast a daily one may be spent, {@code optimizationGoal} (TikTok's
 * name) which predicted rate delivery ranks it by.
 */
public record DeliverableAd(
        AdLineage lineage,
        Long itemId,
        boolean spark,
        String placement,
        Set<String> regions,
        Set<String> ageGroups,
        Set<String> genders,
        Set<String> languages,
        Set<String> interests,
        Set<String> operatingSystems,
        Instant start,
        Instant end,
        String billingEvent,
        BigDecimal bidPrice,
        Creative creative,
        Integer frequency,
        Integer frequencySchedule,
        String dayparting,
        Integer topviewDailyImpressions,
        ZoneId zone,
        boolean budgeted,
        Budget campaignBudget,
        Budget adgroupBudget,
        String pacing,
        String optimizationGoal) {}
