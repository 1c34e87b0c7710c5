package io.sparkads.campaigns.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.campaigns.AdGroupSettings;
import io.sparkads.campaigns.AdPlacement;
import io.sparkads.campaigns.Billing;
import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.Objective;
import io.sparkads.campaigns.PacingMode;
import io.sparkads.common.Refusal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Ads Manager forms' own checks: every problem at once, under its input, in plain words. */
class FormChecksTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @Test
    void aCampaignFormReportsEveryProblemAtOnceInTheFormsWords() {
        FormErrors errors = new FormErrors();

        Campaigns.NewCampaign read =
                new CampaignForm(" ", "BRAND_LOVE", "BUDGET_MODE_TOTAL", "-5").read(errors);

        assertThat(read).isNull();
        assertThat(errors.all())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "campaign-name", "Enter a name for the campaign",
                                "objective-type", "Choose what the campaign is for",
                                "campaign-budget", "Enter a lifetime budget greater than 0"));
    }

    @Test
    void aBudgetSaysWhatIsWrongWithItsNumber() {
        assertThat(budgetProblem("BUDGET_MODE_DAY", ""))
                .isEqualTo("Enter a daily budget greater than 0");
        assertThat(budgetProblem("BUDGET_MODE_DAY", "fifty"))
                .isEqualTo("Enter a daily budget as a number, such as 50.00");
        assertThat(budgetProblem("BUDGET_MODE_DAY", "50.005"))
                .isEqualTo("Enter a daily budget with at most 2 decimals, such as 50.00");
        assertThat(budgetProblem("BUDGET_MODE_WEEK", "50"))
                .isEqualTo("Choose how the budget counts: no limit, daily or lifetime");
        assertThat(budgetProblem("BUDGET_MODE_INFINITE", "-1"))
                .as("no limit takes no amount, whatever was left in the field")
                .isNull();
    }

    @Test
    void aGoodCampaignFormIsTheCampaignToCreate() {
        FormErrors errors = new FormErrors();

        Campaigns.NewCampaign read =
                new CampaignForm(" Spring ", "REACH", "BUDGET_MODE_DAY", "1,250.50").read(errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(read.campaignName()).isEqualTo("Spring");
        assertThat(read.objectiveType()).isEqualTo(Objective.REACH);
        assertThat(read.budget().amount()).isEqualByComparingTo(new BigDecimal("1250.50"));
    }

    @Test
    void aTopViewAdGroupNeedsItsDailyImpressionsAndAFixedPricePerThousand() {
        FormErrors errors = new FormErrors();

        AdGroupSettings read =
                adGroup("TOPVIEW", "CPC", "1.20", "", "", "")
                        .read(errors, Objective.TRAFFIC, NOW, ZONE);

        assertThat(read).isNull();
        assertThat(errors.all())
                .containsOnlyKeys("topview-impressions", "billing-event")
                .containsEntry(
                        "billing-event",
                        "TopView is reserved at a fixed price per 1,000 impressions: choose CPM");
    }

    @Test
    void aFrequencyCapTakesBothNumbersWithinTheirLimits() {
        assertThat(frequencyProblem("0", "7"))
                .isEqualTo("Enter from 1 to 1,000 impressions per viewer");
        assertThat(frequencyProblem("3", "31")).isEqualTo("Enter a period of 1 to 30 days");
        assertThat(frequencyProblem("3", ""))
                .isEqualTo("Enter both numbers of the frequency cap, or leave both empty for none");
        assertThat(frequencyProblem("3", "7")).isNull();
    }

    @Test
    void anAdGroupFormPacesADailyBudgetSmoothlyUnlessFastIsChosenAndRefusesAnUnknownPacing() {
        // given a form with a daily budget
        AdGroupForm daily = withBudget(adGroup("IN_FEED", "CPM", "2.5", "", "", ""), "DAY", "50");

        // when it is read with no pacing, with fast, and with a pacing nobody knows
        PacingMode unchosen = daily.read(new FormErrors(), Objective.REACH, NOW, ZONE).pacing();
        PacingMode fast =
                withPacing(daily, "PACING_MODE_FAST")
                        .read(new FormErrors(), Objective.REACH, NOW, ZONE)
                        .pacing();
        FormErrors errors = new FormErrors();
        AdGroupSettings unknown =
                withPacing(daily, "TURBO").read(errors, Objective.REACH, NOW, ZONE);

        // then smooth is TikTok's default, fast is kept, and the unknown one is refused in words
        assertThat(unchosen).isEqualTo(PacingMode.PACING_MODE_SMOOTH);
        assertThat(fast).isEqualTo(PacingMode.PACING_MODE_FAST);
        assertThat(unknown).isNull();
        assertThat(errors.all())
                .containsOnly(
                        Map.entry(
                                "pacing",
                                "Choose how fast the daily budget is spent: Standard (spread over"
                                        + " the day) or Accelerated (as fast as traffic comes)"));
    }

    @Test
    void aPacingSentBesideALifetimeBudgetOrNoneIsIgnoredNotRefused() {
        // given forms whose budget is lifetime or unlimited, sent with a pacing anyway
        AdGroupForm base = adGroup("IN_FEED", "CPM", "2.5", "", "", "");
        AdGroupForm lifetime = withPacing(withBudget(base, "TOTAL", "500"), "PACING_MODE_FAST");
        AdGroupForm unlimited = withPacing(base, "TURBO");

        // when they are read
        FormErrors errors = new FormErrors();
        AdGroupSettings lifetimeGroup = lifetime.read(errors, Objective.REACH, NOW, ZONE);
        AdGroupSettings unlimitedGroup = unlimited.read(errors, Objective.REACH, NOW, ZONE);

        // then nothing is refused: the ad group keeps TikTok's default, which delivery ignores
        assertThat(errors.all()).isEmpty();
        assertThat(lifetimeGroup.pacing()).isEqualTo(PacingMode.PACING_MODE_SMOOTH);
        assertThat(unlimitedGroup.pacing()).isEqualTo(PacingMode.PACING_MODE_SMOOTH);
    }

    private static AdGroupForm withBudget(AdGroupForm f, String mode, String amount) {
        return new AdGroupForm(
                f.adgroupName(),
                f.placement(),
                f.locations(),
                f.ageGroups(),
                f.gender(),
                f.languages(),
                f.operatingSystems(),
                f.scheduleStart(),
                f.scheduleEnd(),
                "BUDGET_MODE_" + mode,
                amount,
                f.billingEvent(),
                f.bidPrice(),
                f.optimizationGoal(),
                f.topviewDailyImpressions(),
                f.frequency(),
                f.frequencySchedule(),
                f.pacing());
    }

    private static AdGroupForm withPacing(AdGroupForm f, String pacing) {
        return new AdGroupForm(
                f.adgroupName(),
                f.placement(),
                f.locations(),
                f.ageGroups(),
                f.gender(),
                f.languages(),
                f.operatingSystems(),
                f.scheduleStart(),
                f.scheduleEnd(),
                f.budgetMode(),
                f.budget(),
                f.billingEvent(),
                f.bidPrice(),
                f.optimizationGoal(),
                f.topviewDailyImpressions(),
                f.frequency(),
                f.frequencySchedule(),
                pacing);
    }

    @Test
    void aGoodAdGroupFormIsTheAdGroupToCreate() {
        FormErrors errors = new FormErrors();

        AdGroupSettings read =
                adGroup("IN_FEED", "CPM", "2.5", "3", "7", "2026-12-24T09:00")
                        .read(errors, Objective.REACH, NOW, ZONE);

        assertThat(errors.all()).isEmpty();
        assertThat(read.placement()).isEqualTo(AdPlacement.IN_FEED);
        assertThat(read.bid().billingEvent()).isEqualTo(Billing.CPM);
        assertThat(read.frequencyCap().days()).isEqualTo(7);
        assertThat(read.schedule().end()).isEqualTo(Instant.parse("2026-12-24T14:00:00Z"));
        assertThat(read.targeting().locationIds()).containsExactly("US", "CA");
    }

    @Test
    void aNonSparkAdNamesEachMissingPartBesideItsInput() {
        FormErrors errors = new FormErrors();
        AdForm form =
                new AdForm(
                        AdForm.NON_SPARK,
                        "Flowers",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "x".repeat(101),
                        "JUMP_NOW",
                        "WEBSITE",
                        "ftp://shop.example.com");

        assertThat(form.read(errors, null)).isNull();
        assertThat(errors.all())
                .containsOnlyKeys(
                        "custom-identity",
                        "video-file",
                        "ad-text",
                        "call-to-action",
                        "landing-page-url")
                .containsEntry("ad-text", "Keep it to 100 characters or fewer");
    }

    @Test
    void aServiceRefusalStandsUnderTheFieldItNamesOrAboveTheForm() {
        FormErrors errors = new FormErrors();

        errors.refused(
                Refusal.invalid("creatives[0].landing_page_url must be an https URL"),
                Map.of("landing_page_url", "landing-page-url"));
        errors.refused(Refusal.conflict("the ad quota is reached"), Map.of());

        assertThat(errors.of("landing-page-url"))
                .isEqualTo("Landing_page_url must be an https URL");
        assertThat(errors.of(FormErrors.FORM)).isEqualTo("The ad quota is reached");
    }

    private static String budgetProblem(String mode, String amount) {
        FormErrors errors = new FormErrors();
        CampaignForm.budget("mode", "amount", mode, amount, errors);
        return errors.has("mode") ? errors.of("mode") : errors.of("amount");
    }

    private static String frequencyProblem(String frequency, String days) {
        FormErrors errors = new FormErrors();
        adGroup("IN_FEED", "CPM", "2.5", frequency, days, "")
                .read(errors, Objective.REACH, NOW, ZONE);
        return errors.of("frequency");
    }

    private static AdGroupForm adGroup(
            String placement,
            String billing,
            String bid,
            String frequency,
            String days,
            String end) {
        return new AdGroupForm(
                "Young US",
                placement,
                "us, ca",
                List.of(),
                "GENDER_UNLIMITED",
                "",
                List.of(),
                "2026-12-01T09:00",
                end,
                BudgetMode.BUDGET_MODE_INFINITE.name(),
                "",
                billing,
                bid,
                "",
                "",
                frequency,
                days,
                null);
    }
}
