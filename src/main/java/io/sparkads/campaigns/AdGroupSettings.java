package io.sparkads.campaigns;

import io.sparkads.campaigns.AdGroupChange.ChangeBid;
import io.sparkads.campaigns.AdGroupChange.ChangeBudget;
import io.sparkads.campaigns.AdGroupChange.ChangeDayparting;
import io.sparkads.campaigns.AdGroupChange.ChangeFrequencyCap;
import io.sparkads.campaigns.AdGroupChange.ChangePacing;
import io.sparkads.campaigns.AdGroupChange.ChangePlacement;
import io.sparkads.campaigns.AdGroupChange.ChangeSchedule;
import io.sparkads.campaigns.AdGroupChange.ChangeTargeting;
import io.sparkads.campaigns.AdGroupChange.Rename;
import io.sparkads.common.Refusal;
import java.util.List;

/**
 * What an advertiser decides about an ad group, checked as a whole: its name, placement, audience,
 * budget, schedule, bid, frequency cap and dayparting. A TopView ad group is a reservation of daily
 * impressions at a fixed CPM, shown once per viewer per day.
 *
 * @param topviewDailyImpressions for TopView only: how many impressions a day to reserve
 * @param frequencyCap {@code null} for none
 * @param dayparting {@code null} for all day: else 336 characters of 0 and 1, the 48 half-hours of
 *     each day, Monday first
 * @param pacing how fast a daily budget is spent; {@code null} for TikTok's default, smooth; kept
 *     but ignored beside a lifetime budget or none (see {@link PacingMode})
 */
public record AdGroupSettings(
        String name,
        AdPlacement placement,
        Integer topviewDailyImpressions,
        Targeting targeting,
        Budget budget,
        Schedule schedule,
        Bid bid,
        FrequencyCap frequencyCap,
        String dayparting,
        PacingMode pacing) {

    /** Settings with TikTok's default pacing, smooth. */
    public AdGroupSettings(
            String name,
            AdPlacement placement,
            Integer topviewDailyImpressions,
            Targeting targeting,
            Budget budget,
            Schedule schedule,
            Bid bid,
            FrequencyCap frequencyCap,
            String dayparting) {
        this(
                name,
                placement,
                topviewDailyImpressions,
                targeting,
                budget,
                schedule,
                bid,
                frequencyCap,
                dayparting,
                null);
    }

    public AdGroupSettings {
        Check.name("adgroup_name", name);
        name = name.strip();
        placement = placement == null ? AdPlacement.IN_FEED : placement;
        targeting = targeting == null ? Targeting.locations(null) : targeting;
        budget = budget == null ? Budget.UNLIMITED : budget;
        pacing = pacing == null ? PacingMode.PACING_MODE_SMOOTH : pacing;
        if (schedule == null || bid == null) {
            throw Refusal.invalid("an ad group needs a schedule and a bid");
        }
        if (placement == AdPlacement.TOPVIEW) {
            if (bid.billingEvent() != Billing.CPM) {
                throw Refusal.invalid(
                        "a TopView ad group is a reservation at a fixed CPM: billing_event must be CPM");
            }
            if (topviewDailyImpressions == null || topviewDailyImpressions < 1) {
                throw Refusal.invalid(
                        "topview_daily_impressions is required for a TopView ad group: how many impressions a day to reserve");
            }
            frequencyCap = FrequencyCap.ONCE_A_DAY;
        } else if (topviewDailyImpressions != null) {
            throw Refusal.invalid("topview_daily_impressions applies to TopView ad groups only");
        }
        if (dayparting != null && !dayparting.matches("[01]{336}")) {
            throw Refusal.invalid(
                    "dayparting must be 336 characters of 0 and 1: the 48 half-hours of each day, Monday first");
        }
        if (dayparting != null && !dayparting.contains("1")) {
            throw Refusal.invalid("dayparting must allow at least one half-hour");
        }
    }

    /** The frequency cap a request describes; TopView's is fixed, so what it names is ignored. */
    public static FrequencyCap frequencyCap(
            AdPlacement placement, Integer frequency, Integer days) {
        return placement == AdPlacement.TOPVIEW ? null : FrequencyCap.of(frequency, days);
    }

    /** These settings with the changes made, checked as a whole once all are made. */
    public AdGroupSettings change(List<AdGroupChange> changes) {
        ChangePlacement placed =
                last(changes, new ChangePlacement(placement, topviewDailyImpressions));
        return new AdGroupSettings(
                last(changes, new Rename(name)).name(),
                placed.placement(),
                placed.topviewDailyImpressions(),
                last(changes, new ChangeTargeting(targeting)).targeting(),
                last(changes, new ChangeBudget(budget)).budget(),
                last(changes, new ChangeSchedule(schedule)).schedule(),
                last(changes, new ChangeBid(bid)).bid(),
                last(changes, new ChangeFrequencyCap(frequencyCap)).frequencyCap(),
                last(changes, new ChangeDayparting(dayparting)).dayparting(),
                last(changes, new ChangePacing(pacing)).pacing());
    }

    /**
     * The last of the changes of the same kind as {@code unchanged}, which states the current
     * value; {@code unchanged} itself when there is none.
     */
    private static <C extends AdGroupChange> C last(List<AdGroupChange> changes, C unchanged) {
        C result = unchanged;
        for (AdGroupChange change : changes) {
            if (change.getClass() == unchanged.getClass()) {
                @SuppressWarnings("unchecked") // same class as unchanged, which is a C
                C same = (C) change;
                result = same;
            }
        }
        return result;
    }
}
