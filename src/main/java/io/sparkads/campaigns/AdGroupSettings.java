package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import java.util.function.Consumer;

/**
 * What an advertiser decides about an ad group, checked as a whole: its name, placement, audience,
 * budget, schedule, bid, frequency cap and dayparting. A TopView ad group is a reservation of daily
 * impressions at a fixed CPM, shown once per viewer per day.
 *
 * @param topviewDailyImpressions for TopView only: how many impressions a day to reserve
 * @param frequencyCap {@code null} for none
 * @param dayparting {@code null} for all day: else 336 characters of 0 and 1, the 48 half-hours of
 *     each day, Monday first
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
        String dayparting) {

    public AdGroupSettings {
        Check.name("adgroup_name", name);
        name = name.strip();
        placement = placement == null ? AdPlacement.IN_FEED : placement;
        targeting = targeting == null ? Targeting.locations(null) : targeting;
        budget = budget == null ? Budget.UNLIMITED : budget;
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

    /**
     * These settings with some changed, checked as a whole once all are made: a TopView switch
     * changes placement and bid together.
     */
    public AdGroupSettings change(Consumer<Changes> changes) {
        Changes c = new Changes(this);
        changes.accept(c);
        return new AdGroupSettings(
                c.name,
                c.placement,
                c.topviewDailyImpressions,
                c.targeting,
                c.budget,
                c.schedule,
                c.bid,
                c.frequencyCap,
                c.dayparting);
    }

    /** The narrow changes an ad group accepts; what is not changed keeps its value. */
    public static final class Changes {
        private final AdGroupSettings current;
        private String name;
        private AdPlacement placement;
        private Integer topviewDailyImpressions;
        private Targeting targeting;
        private Budget budget;
        private Schedule schedule;
        private Bid bid;
        private FrequencyCap frequencyCap;
        private String dayparting;

        private Changes(AdGroupSettings s) {
            current = s;
            name = s.name;
            placement = s.placement;
            topviewDailyImpressions = s.topviewDailyImpressions;
            targeting = s.targeting;
            budget = s.budget;
            schedule = s.schedule;
            bid = s.bid;
            frequencyCap = s.frequencyCap;
            dayparting = s.dayparting;
        }

        /** The settings before any change. */
        public AdGroupSettings current() {
            return current;
        }

        public Changes rename(String newName) {
            name = newName;
            return this;
        }

        public Changes changePlacement(AdPlacement newPlacement, Integer newTopviewImpressions) {
            placement = newPlacement;
            topviewDailyImpressions = newTopviewImpressions;
            return this;
        }

        public Changes changeTargeting(Targeting newTargeting) {
            targeting = newTargeting;
            return this;
        }

        public Changes changeBudget(Budget newBudget) {
            budget = newBudget;
            return this;
        }

        public Changes changeSchedule(Schedule newSchedule) {
            schedule = newSchedule;
            return this;
        }

        public Changes changeBid(Bid newBid) {
            bid = newBid;
            return this;
        }

        public Changes changeFrequencyCap(FrequencyCap newCap) {
            frequencyCap = newCap;
            return this;
        }

        public Changes changeDayparting(String newDayparting) {
            dayparting = newDayparting;
            return this;
        }
    }
}
