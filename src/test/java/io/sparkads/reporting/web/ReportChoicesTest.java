package io.sparkads.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.sparkads.common.Refusal;
import io.sparkads.reporting.ReportMetric;
import io.sparkads.reporting.Reports;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Reporting page's choices: dates in the ad account's time zone, and refusals people read. */
class ReportChoicesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** 03:00 UTC on 1 December is still 30 November in New York. */
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);

    @Test
    void givenANewYorkAccountWhenTodayIsChosenThenTodayIsNewYorksDate() {
        ReportRange today = ReportRange.of("today", null, null, NEW_YORK, CLOCK);
        ReportRange yesterday = ReportRange.of("yesterday", null, null, NEW_YORK, CLOCK);
        ReportRange week = ReportRange.of("last7", null, null, NEW_YORK, CLOCK);
        ReportRange month = ReportRange.of("last30", null, null, NEW_YORK, CLOCK);

        assertThat(today.from()).isEqualTo(LocalDate.of(2026, 11, 30)).isEqualTo(today.to());
        assertThat(yesterday.from()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(week.to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(month.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(ReportRange.of("today", null, null, ZoneId.of("Asia/Tokyo"), CLOCK).from())
                .isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void givenCustomDatesWithTheEndBeforeTheStartThenTheRefusalSaysWhatToChange() {
        assertThatThrownBy(
                        () -> ReportRange.of("custom", "2026-11-30", "2026-11-01", NEW_YORK, CLOCK))
                .isInstanceOf(Refusal.class)
                .hasMessage(
                        "The end date (2026-11-01) is before the start date (2026-11-30); choose an"
                                + " end date on or after the start date.");
        assertThatThrownBy(() -> ReportRange.of("custom", "30/11/2026", "", NEW_YORK, CLOCK))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("Start date “30/11/2026” is not a date");
        assertThatThrownBy(
                        () -> ReportRange.of("custom", "2025-01-01", "2026-11-30", NEW_YORK, CLOCK))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("at most 365 days");
        assertThatThrownBy(() -> ReportRange.of("fortnight", null, null, NEW_YORK, CLOCK))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("“fortnight” is not one of them");
    }

    @Test
    void givenCustomWithoutDatesThenItStartsFromTheLastSevenDays() {
        ReportRange custom = ReportRange.of("custom", "", null, NEW_YORK, CLOCK);

        assertThat(custom.from()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(custom.label()).isEqualTo("2026-11-24 to 2026-11-30");
    }

    @Test
    void givenAnUnknownLevelOrBreakdownThenTheRefusalNamesTheChoices() {
        assertThatThrownBy(() -> ReportLevel.of("galaxy"))
                .isInstanceOf(Refusal.class)
                .hasMessage(
                        "Show the report by account, campaigns, ad groups, ads; “galaxy” is not one"
                                + " of them.");
        assertThatThrownBy(() -> Breakdown.of("weather"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("“weather” is not one of them");
        assertThat(ReportLevel.of(null)).isEqualTo(ReportLevel.CAMPAIGN);
        assertThat(Breakdown.of("hour").dimension()).isEqualTo("stat_time_hour");
    }

    @Test
    void givenEachLevelThenItsReportApiNamesAreTikToks() {
        assertThat(List.of(ReportLevel.values()))
                .extracting(
                        ReportLevel::dataLevel, ReportLevel::idDimension, ReportLevel::filterField)
                .containsExactly(
                        tuple("AUCTION_ADVERTISER", "advertiser_id", null),
                        tuple("AUCTION_CAMPAIGN", "campaign_id", "campaign_ids"),
                        tuple("AUCTION_ADGROUP", "adgroup_id", "adgroup_ids"),
                        tuple("AUCTION_AD", "ad_id", "ad_ids"));
    }

    @Test
    void givenTheListsThenTheyOfferTheChoosersDeliveryCostAndConversionColumnsInItsOrder() {
        assertThat(ReportMetrics.keys(ReportMetrics.LIST_COLUMNS))
                .containsExactly(
                        "spend",
                        "impressions",
                        "reach",
                        "clicks",
                        "ctr",
                        "cpc",
                        "cpm",
                        "view_through_rate",
                        "engagement_rate",
                        "page_view_rate",
                        "conversion_rate_v2",
                        "conversion",
                        "cost_per_conversion");
    }

    @Test
    void givenApiValuesThenPagesShowThemInPeoplesWords() {
        assertThat(ReportMetric.CPC.label()).isEqualTo("Cost per click");
        assertThat(ReportMetric.SPEND.heading("USD")).isEqualTo("Spend (USD)");
        assertThat(ReportMetrics.display(ReportMetric.IMPRESSIONS, "1234567"))
                .isEqualTo("1,234,567");
        assertThat(ReportMetrics.display(ReportMetric.SPEND, "1234.5")).isEqualTo("1,234.50");
        assertThat(ReportMetrics.display(ReportMetric.CTR, "25.00")).isEqualTo("25.00%");
        assertThat(Breakdown.SPARK.valueLabel("true")).isEqualTo("Spark ads");
        assertThat(Breakdown.SPARK.valueLabel("false")).isEqualTo("Non-Spark ads");
        assertThat(Breakdown.AGE.valueLabel("NONE")).isEqualTo("Unknown");
        assertThat(Breakdown.HOUR.valueLabel("2026-11-30 13:00:00")).isEqualTo("2026-11-30 13:00");
        assertThat(Breakdown.AGE.valueLabel("AGE_18_24")).isEqualTo("18–24");
        assertThat(Breakdown.AGE.valueLabel("AGE_55_100")).isEqualTo("55+");
        assertThat(Breakdown.GENDER.valueLabel("FEMALE")).isEqualTo("Female");
        assertThat(Breakdown.PLACEMENT.valueLabel("IN_FEED")).isEqualTo("In-Feed");
        assertThat(Breakdown.PLACEMENT.valueLabel("TOPVIEW")).isEqualTo("TopView");
        // a code without words of the breakdown's own reads as the pages name it, never raw
        assertThat(Breakdown.PLACEMENT.valueLabel("PLACEMENT_TYPE_AUTOMATIC"))
                .isEqualTo("Automatic placement");
        assertThat(Breakdown.PLACEMENT.valueLabel("PLACEMENT_PANGLE")).isEqualTo("Pangle");
        assertThat(Breakdown.COUNTRY.valueLabel("US")).isEqualTo("United States");
        assertThat(Breakdown.COUNTRY.valueLabel("DE")).isEqualTo("Germany");
        assertThat(Breakdown.COUNTRY.valueLabel("NONE")).isEqualTo("Unknown");
        // a code ISO leaves to users has no name: Java's "Pseudo-Accents" is not a country
        assertThat(Breakdown.COUNTRY.valueLabel("XA")).isEqualTo("XA");
    }

    @Test
    void givenAnAudienceBreakdownThenReachAndFrequencyAreLeftOutAndSaidToBe() {
        ReportForm byAge =
                new ReportForm(
                        "account",
                        "today",
                        null,
                        null,
                        "age",
                        List.of("impressions", "reach", "frequency", "clicks"),
                        null,
                        null,
                        null,
                        null,
                        null);
        ReportForm byDay =
                new ReportForm(
                        "account",
                        "today",
                        null,
                        null,
                        "day",
                        List.of("impressions", "reach"),
                        null,
                        null,
                        null,
                        null,
                        null);

        assertThat(byAge.reportMetrics())
                .extracting(ReportMetric::wireName)
                .containsExactly("impressions", "clicks");
        assertThat(byAge.leftOutMetrics())
                .extracting(ReportMetric::wireName)
                .containsExactly("reach", "frequency");
        assertThat(byDay.reportMetrics())
                .extracting(ReportMetric::wireName)
                .containsExactly("impressions", "reach");
        assertThat(byDay.leftOutMetrics()).isEmpty();
    }

    @Test
    void givenTheSparkPresetThenOnlyMetricsTheReportApiAnswersAreAskedFor() {
        ReportForm preset =
                new ReportForm(
                        null, "today", null, null, null, null, null, null, null, null, "spark");

        assertThat(preset.reportLevel()).isEqualTo(ReportLevel.ACCOUNT);
        assertThat(preset.reportBreakdown()).isEqualTo(Breakdown.SPARK);
        assertThat(preset.reportMetrics())
                .extracting(ReportMetric::wireName)
                .isSubsetOf(ReportMetrics.keys(ReportMetrics.SPARK_COMPARISON))
                .contains("view_through_rate", "engagement_rate", "page_view_rate", "ctr", "cpc")
                .allMatch(Reports.METRICS::contains);
    }
}
