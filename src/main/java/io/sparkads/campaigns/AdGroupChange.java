package io.sparkads.campaigns;

/**
 * One narrow change to an ad group. Several are applied together and the result checked as a whole,
 * so that a switch to TopView can change placement and bid at once.
 */
public sealed interface AdGroupChange {
    record Rename(String name) implements AdGroupChange {}

    /** TopView reserves {@code topviewDailyImpressions} a day; In-Feed takes none. */
    record ChangePlacement(AdPlacement placement, Integer topviewDailyImpressions)
            implements AdGroupChange {}

    record ChangeTargeting(Targeting targeting) implements AdGroupChange {}

    record ChangeBudget(Budget budget) implements AdGroupChange {}

    record ChangeSchedule(Schedule schedule) implements AdGroupChange {}

    record ChangeBid(Bid bid) implements AdGroupChange {}

    /** {@code null}: no cap. */
    record ChangeFrequencyCap(FrequencyCap frequencyCap) implements AdGroupChange {}

    /** {@code null}: all day. */
    record ChangeDayparting(String dayparting) implements AdGroupChange {}

    /** How fast a daily budget is spent. */
    record ChangePacing(PacingMode pacing) implements AdGroupChange {}
}
