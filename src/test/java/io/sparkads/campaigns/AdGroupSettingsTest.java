package io.sparkads.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.common.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ad group's values refuse what TikTok refuses, with a message naming the field. */
class AdGroupSettingsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void givenAnUnknownWireName_whenParsed_thenTheRefusalListsTheChoices() {
        assertThatThrownBy(() -> AdPlacement.of("PLACEMENT_PANGLE"))
                .isInstanceOf(Refusal.class)
                .hasMessage("ad_placement must be one of IN_FEED, TOPVIEW; was 'PLACEMENT_PANGLE'");
        assertThatThrownBy(() -> Billing.of(null))
                .hasMessage("billing_event must be one of CPC, CPM, CPV, OCPM; was nothing");
        assertThat(AdPlacement.of(null)).isEqualTo(AdPlacement.IN_FEED);
        assertThat(ScheduleType.of(null)).isEqualTo(ScheduleType.SCHEDULE_FROM_NOW);
        assertThat(BudgetMode.of(null, BudgetMode.BUDGET_MODE_INFINITE))
                .isEqualTo(BudgetMode.BUDGET_MODE_INFINITE);
        assertThat(Objective.of("TRAFFIC")).isEqualTo(Objective.TRAFFIC);
    }

    @Test
    void pacingIsSmoothUnlessFastIsNamedAndAnUnknownPacingIsRefused() {
        assertThat(settings(AdPlacement.IN_FEED, null, Billing.CPM).pacing())
                .isEqualTo(PacingMode.PACING_MODE_SMOOTH);
        assertThat(PacingMode.of("PACING_MODE_FAST", PacingMode.PACING_MODE_SMOOTH))
                .isEqualTo(PacingMode.PACING_MODE_FAST);
        assertThat(
                        settings(AdPlacement.IN_FEED, null, Billing.CPM)
                                .change(
                                        List.of(
                                                new AdGroupChange.ChangePacing(
                                                        PacingMode.PACING_MODE_FAST)))
                                .pacing())
                .isEqualTo(PacingMode.PACING_MODE_FAST);
        assertThatThrownBy(() -> PacingMode.of("PACING_MODE_TURBO", PacingMode.PACING_MODE_SMOOTH))
                .isInstanceOf(Refusal.class)
                .hasMessage(
                        "pacing must be one of PACING_MODE_FAST, PACING_MODE_SMOOTH; was 'PACING_MODE_TURBO'");
    }

    @Test
    void givenABudgetWithoutLimit_thenItHoldsNoAmount() {
        assertThat(Budget.of("BUDGET_MODE_INFINITE", BigDecimal.TEN, null).amount()).isNull();
        assertThat(Budget.UNLIMITED.withAmount(BigDecimal.TEN).amount()).isNull();
        assertThatThrownBy(
                        () ->
                                new Budget(BudgetMode.BUDGET_MODE_DAY, BigDecimal.ONE)
                                        .withAmount(null))
                .hasMessage("budget must be greater than 0 when budget_mode is BUDGET_MODE_DAY");
        assertThatThrownBy(() -> Budget.of("BUDGET_MODE_TOTAL", new BigDecimal("1.005"), null))
                .hasMessageContaining("at most 2 decimals");
    }

    @Test
    void givenABid_whenTheGoalIsLeftOut_thenItTakesTheBillingEventsFirstGoal() {
        assertThat(Bid.of(Billing.CPC, new BigDecimal("0.5"), null).goal())
                .isEqualTo(OptimizationGoal.CLICK);
        assertThatThrownBy(() -> Bid.of(Billing.CPC, new BigDecimal("0.5"), "REACH"))
                .hasMessage(
                        "optimization_goal REACH does not fit billing_event CPC; use one of CLICK, TRAFFIC_LANDING_PAGE_VIEW");
        assertThatThrownBy(() -> Bid.of(Billing.CPM, new BigDecimal("0.5"), "NOT_A_GOAL"))
                .hasMessageContaining("optimization_goal NOT_A_GOAL does not fit");
        assertThatThrownBy(() -> Bid.of(Billing.CPM, BigDecimal.ZERO, null))
                .hasMessage("bid_price is required and must be greater than 0");
        assertThatThrownBy(() -> Bid.of(Billing.CPM, new BigDecimal("0.00001"), null))
                .hasMessage("bid_price must have at most 4 decimals");
    }

    @Test
    void givenAStartEndSchedule_thenBothTimesAreRequiredAndTheEndComesLater() {
        assertThatThrownBy(() -> Schedule.of(ScheduleType.SCHEDULE_START_END, NOW, null, NOW))
                .hasMessageContaining("schedule_end_time are required");
        assertThatThrownBy(
                        () ->
                                Schedule.of(
                                        ScheduleType.SCHEDULE_START_END,
                                        NOW,
                                        NOW.minusSeconds(1),
                                        NOW))
                .hasMessage("schedule_end_time must be after schedule_start_time");
        Schedule fromNow =
                Schedule.of(ScheduleType.SCHEDULE_FROM_NOW, null, NOW.plusSeconds(60), NOW);
        assertThat(fromNow.start()).isEqualTo(NOW);
        assertThat(fromNow.end()).as("a schedule from now has no end").isNull();
    }

    @Test
    void givenAFrequencyCap_thenBothNumbersGoTogetherWithinTheirRanges() {
        assertThat(FrequencyCap.of(null, null)).isNull();
        assertThatThrownBy(() -> FrequencyCap.of(3, null))
                .hasMessageContaining("frequency and frequency_schedule go together");
        assertThatThrownBy(() -> FrequencyCap.of(1001, 1))
                .hasMessage("frequency must be between 1 and 1000");
        assertThatThrownBy(() -> FrequencyCap.of(3, 31))
                .hasMessage("frequency_schedule must be between 1 and 30 days");
    }

    @Test
    void givenTargeting_thenEveryCodeIsCheckedAndMissingListsMeanEveryone() {
        Targeting everyone = Targeting.locations(null);
        assertThat(everyone.locationIds()).isEmpty();
        assertThat(everyone.gender()).isEqualTo("GENDER_UNLIMITED");
        assertThatThrownBy(() -> Targeting.locations(List.of("123")))
                .hasMessageContaining("unknown location '123'");
        assertThatThrownBy(() -> new Targeting(null, null, null, List.of("EN"), null, null))
                .hasMessageContaining("two-letter language codes");
        assertThatThrownBy(() -> new Targeting(null, null, null, null, null, List.of("WINDOWS")))
                .hasMessageContaining("operating_systems may hold only ANDROID, IOS");
    }

    @Test
    void givenATopViewAdGroup_thenItIsBilledByCpmReservesImpressionsAndShowsOnceADay() {
        AdGroupSettings topView = settings(AdPlacement.TOPVIEW, 50_000, Billing.CPM);
        assertThat(topView.frequencyCap()).isEqualTo(FrequencyCap.ONCE_A_DAY);
        assertThatThrownBy(() -> settings(AdPlacement.TOPVIEW, 50_000, Billing.CPC))
                .hasMessageContaining("billing_event must be CPM");
        assertThatThrownBy(() -> settings(AdPlacement.TOPVIEW, null, Billing.CPM))
                .hasMessageContaining("topview_daily_impressions is required");
        assertThatThrownBy(() -> settings(AdPlacement.IN_FEED, 50_000, Billing.CPM))
                .hasMessage("topview_daily_impressions applies to TopView ad groups only");
    }

    @Test
    void givenSeveralChanges_thenTheyAreCheckedTogetherOnceAllAreMade() {
        AdGroupSettings inFeed = settings(AdPlacement.IN_FEED, null, Billing.CPC);
        AdGroupSettings topView =
                inFeed.change(
                        List.of(
                                new AdGroupChange.ChangePlacement(AdPlacement.TOPVIEW, 1000),
                                new AdGroupChange.ChangeBid(
                                        Bid.of(Billing.CPM, BigDecimal.ONE, null))));
        assertThat(topView.placement()).isEqualTo(AdPlacement.TOPVIEW);
        assertThat(topView.frequencyCap()).isEqualTo(FrequencyCap.ONCE_A_DAY);
        assertThatThrownBy(
                        () ->
                                inFeed.change(
                                        List.of(
                                                new AdGroupChange.ChangePlacement(
                                                        AdPlacement.TOPVIEW, 1000))))
                .as("TopView alone, still billed by CPC")
                .hasMessageContaining("billing_event must be CPM");
        assertThat(inFeed.change(List.of(new AdGroupChange.Rename("  Renamed  "))).name())
                .isEqualTo("Renamed");
        assertThatThrownBy(() -> inFeed.change(List.of(new AdGroupChange.Rename(" "))))
                .hasMessage("adgroup_name is required");
        assertThatThrownBy(
                        () ->
                                inFeed.change(
                                        List.of(
                                                new AdGroupChange.ChangeDayparting(
                                                        "1".repeat(335)))))
                .hasMessageContaining("dayparting must be 336 characters");
        assertThatThrownBy(
                        () ->
                                inFeed.change(
                                        List.of(
                                                new AdGroupChange.ChangeDayparting(
                                                        "0".repeat(336)))))
                .hasMessage("dayparting must allow at least one half-hour");
    }

    private static AdGroupSettings settings(
            AdPlacement placement, Integer topviewImpressions, Billing billing) {
        return new AdGroupSettings(
                "Group",
                placement,
                topviewImpressions,
                Targeting.locations(List.of("US")),
                Budget.UNLIMITED,
                Schedule.of(ScheduleType.SCHEDULE_FROM_NOW, null, null, NOW),
                Bid.of(billing, new BigDecimal("2.5"), null),
                null,
                null);
    }
}
