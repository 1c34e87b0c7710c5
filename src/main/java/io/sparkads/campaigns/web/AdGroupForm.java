package io.sparkads.campaigns.web;

import io.sparkads.campaigns.AdGroupSettings;
import io.sparkads.campaigns.AdPlacement;
import io.sparkads.campaigns.Bid;
import io.sparkads.campaigns.Billing;
import io.sparkads.campaigns.Budget;
import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.FrequencyCap;
import io.sparkads.campaigns.Objective;
import io.sparkads.campaigns.PacingMode;
import io.sparkads.campaigns.Schedule;
import io.sparkads.campaigns.ScheduleType;
import io.sparkads.campaigns.Targeting;
import io.sparkads.common.Refusal;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The create-ad-group form, as typed: lists of codes as comma-separated text, times as a {@code
 * datetime-local} input sends them, in the ad account's time zone; and its checks, every field at
 * once, in the form's words.
 */
record AdGroupForm(
        String adgroupName,
        String placement,
        String locations,
        List<String> ageGroups,
        String gender,
        String languages,
        List<String> operatingSystems,
        String scheduleStart,
        String scheduleEnd,
        String budgetMode,
        String budget,
        String billingEvent,
        String bidPrice,
        String optimizationGoal,
        String topviewDailyImpressions,
        String frequency,
        String frequencySchedule,
        String pacing)
        implements Serializable {

    /** Where a service's refusal belongs on this form, by the wire name it starts with. */
    static final Map<String, String> FIELDS =
            Map.ofEntries(
                    Map.entry("adgroup_name", "adgroup-name"),
                    Map.entry("ad_placement", "placement"),
                    Map.entry("a TopView", "billing-event"),
                    Map.entry("topview_daily_impressions", "topview-impressions"),
                    Map.entry("location_ids", "locations"),
                    Map.entry("languages", "languages"),
                    Map.entry("age_groups", "age-groups"),
                    Map.entry("gender", "gender"),
                    Map.entry("operating_systems", "operating-systems"),
                    Map.entry("schedule", "schedule-end"),
                    Map.entry("budget", "adgroup-budget"),
                    Map.entry("billing_event", "billing-event"),
                    Map.entry("bid_price", "bid-price"),
                    Map.entry("optimization_goal", "optimization-goal"),
                    Map.entry("frequency", "frequency"),
                    Map.entry("pacing", "pacing"));

    static AdGroupForm initial(String billingEvent, Instant now, ZoneId zone) {
        return new AdGroupForm(
                "",
                AdPlacement.IN_FEED.name(),
                "US",
                List.of(),
                "GENDER_UNLIMITED",
                "",
                List.of(),
                FormValues.local(now.truncatedTo(ChronoUnit.HOURS), zone),
                "",
                BudgetMode.BUDGET_MODE_INFINITE.name(),
                "",
                billingEvent,
                "",
                "",
                "",
                "",
                "",
                PacingMode.PACING_MODE_SMOOTH.name());
    }

    /** Whether the form asks for the value, for checkboxes shown again after a refusal. */
    public boolean has(List<String> values, String value) {
        return values != null && values.contains(value);
    }

    /**
     * The ad group the form describes, or {@code null} with every problem recorded; a schedule with
     * an end and no start starts now.
     */
    AdGroupSettings read(FormErrors errors, Objective objective, Instant now, ZoneId zone) {
        String name =
                errors.required("adgroup-name", adgroupName, 512, "Enter a name for the ad group");
        AdPlacement adPlacement = FormValues.constant(AdPlacement.class, placement);
        if (adPlacement == null) {
            errors.add("placement", "Choose where the ads show: In-Feed or TopView");
        }
        boolean topView = adPlacement == AdPlacement.TOPVIEW;
        Integer reserved = topView ? reservedImpressions(errors) : null;
        FrequencyCap cap = topView ? null : frequencyCap(errors);
        Targeting targeting = targeting(errors);
        BigDecimal amount =
                CampaignForm.budget(
                        "adgroup-budget-mode", "adgroup-budget", budgetMode, budget, errors);
        PacingMode pacingMode = pacing(errors);
        Schedule schedule = schedule(errors, now, zone);
        Bid bid = bid(errors, objective, topView);
        if (!errors.isEmpty()) {
            return null;
        }
        return new AdGroupSettings(
                name,
                adPlacement,
                reserved,
                targeting,
                Budget.of(budgetMode, amount, BudgetMode.BUDGET_MODE_INFINITE),
                schedule,
                bid,
                cap,
                null,
                pacingMode);
    }

    /**
     * How fast the daily budget is spent; beside any other budget the form hides the choice and the
     * ad group keeps TikTok's default, smooth, which delivery ignores until the budget is daily.
     */
    private PacingMode pacing(FormErrors errors) {
        if (!BudgetMode.BUDGET_MODE_DAY.name().equals(budgetMode)
                || pacing == null
                || pacing.isBlank()) {
            return PacingMode.PACING_MODE_SMOOTH;
        }
        PacingMode chosen = FormValues.constant(PacingMode.class, pacing);
        if (chosen == null) {
            errors.add(
                    "pacing",
                    "Choose how fast the daily budget is spent: Standard (spread over the day)"
                            + " or Accelerated (as fast as traffic comes)");
        }
        return chosen;
    }

    private Integer reservedImpressions(FormErrors errors) {
        String field = "topview-impressions";
        Integer reserved =
                errors.whole(
                        field,
                        topviewDailyImpressions,
                        1,
                        Integer.MAX_VALUE,
                        "Enter how many impressions a day to reserve, such as 50000");
        if (reserved == null && !errors.has(field)) {
            errors.add(field, "Enter how many impressions a day to reserve, such as 50000");
        }
        return reserved;
    }

    private FrequencyCap frequencyCap(FormErrors errors) {
        Integer times =
                errors.whole(
                        "frequency",
                        frequency,
                        1,
                        1000,
                        "Enter from 1 to 1,000 impressions per viewer");
        Integer days =
                errors.whole(
                        "frequency", frequencySchedule, 1, 30, "Enter a period of 1 to 30 days");
        if (errors.has("frequency")) {
            return null;
        }
        if ((times == null) != (days == null)) {
            errors.add(
                    "frequency",
                    "Enter both numbers of the frequency cap, or leave both empty for none");
            return null;
        }
        return times == null ? null : new FrequencyCap(times, days);
    }

    private Targeting targeting(FormErrors errors) {
        List<String> countries = new ArrayList<>();
        for (String location : FormValues.list(locations, true)) {
            try {
                countries.add(Targeting.locations(List.of(location)).locationIds().get(0));
            } catch (Refusal refusal) {
                errors.add(
                        "locations",
                        "“"
                                + location
                                + "” is not a country code we know; use codes such as US, CA, GB");
            }
        }
        List<String> languageCodes = FormValues.list(languages, false);
        languageCodes.stream()
                .filter(code -> !code.matches("[a-z]{2}"))
                .findFirst()
                .ifPresent(
                        code ->
                                errors.add(
                                        "languages",
                                        "Use two-letter language codes such as en, es; “"
                                                + code
                                                + "” is not one"));
        List<String> ages = FormValues.orEmpty(ageGroups);
        oneOfEach(errors, "age-groups", ages, Targeting.AGE_GROUPS, "Tick ages from the list");
        String chosenGender = gender == null || gender.isBlank() ? "GENDER_UNLIMITED" : gender;
        oneOfEach(errors, "gender", List.of(chosenGender), Targeting.GENDERS, "Choose a gender");
        List<String> systems = FormValues.orEmpty(operatingSystems);
        oneOfEach(
                errors,
                "operating-systems",
                systems,
                Targeting.OPERATING_SYSTEMS,
                "Tick operating systems from the list");
        if (errors.has("locations")
                || errors.has("languages")
                || errors.has("age-groups")
                || errors.has("gender")
                || errors.has("operating-systems")) {
            return null;
        }
        return new Targeting(countries, ages, chosenGender, languageCodes, List.of(), systems);
    }

    private static void oneOfEach(
            FormErrors errors,
            String field,
            List<String> values,
            Set<String> allowed,
            String message) {
        if (!allowed.containsAll(values)) {
            errors.add(field, message);
        }
    }

    private Schedule schedule(FormErrors errors, Instant now, ZoneId zone) {
        Instant start = time(errors, "schedule-start", scheduleStart, zone);
        Instant end = time(errors, "schedule-end", scheduleEnd, zone);
        if (errors.has("schedule-start") || errors.has("schedule-end")) {
            return null;
        }
        Instant from = start == null ? now : start;
        if (end != null && !end.isAfter(from)) {
            errors.add("schedule-end", "Choose an end after the start, or leave it empty");
            return null;
        }
        return Schedule.of(
                end == null ? ScheduleType.SCHEDULE_FROM_NOW : ScheduleType.SCHEDULE_START_END,
                from,
                end,
                now);
    }

    private static Instant time(FormErrors errors, String field, String value, ZoneId zone) {
        try {
            return FormValues.at(field, value, zone);
        } catch (Refusal refusal) {
            errors.add(field, "Enter a date and time such as 2026-12-01 09:00");
            return null;
        }
    }

    private Bid bid(FormErrors errors, Objective objective, boolean topView) {
        Billing billing =
                objective.billings().stream()
                        .filter(b -> b.name().equals(billingEvent))
                        .findFirst()
                        .orElse(null);
        if (billing == null) {
            errors.add("billing-event", "Choose what you pay for from the list");
        } else if (topView && billing != Billing.CPM) {
            errors.add(
                    "billing-event",
                    "TopView is reserved at a fixed price per 1,000 impressions: choose CPM");
        }
        BigDecimal price = errors.positive("bid-price", bidPrice, "a bid", 4, "1.20");
        String goal = FormValues.text(optimizationGoal);
        if (billing != null
                && goal != null
                && billing.goals().stream().noneMatch(g -> g.name().equals(goal))) {
            errors.add(
                    "optimization-goal",
                    "Choose a goal that fits what you pay for, or leave it on Recommended");
        }
        if (billing == null || price == null || errors.has("optimization-goal")) {
            return null;
        }
        return Bid.of(billing, price, goal);
    }
}
