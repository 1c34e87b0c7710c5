package io.sparkads.campaigns.web;

import io.sparkads.campaigns.AdPlacement;
import io.sparkads.campaigns.Billing;
import io.sparkads.campaigns.BudgetMode;
import io.sparkads.campaigns.CallToAction;
import io.sparkads.campaigns.Objective;
import io.sparkads.campaigns.Targeting;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What the campaign, ad group and ad forms offer, in a fixed order and with the words Ads Manager
 * uses, as {@code ${@campaignChoices.objectives()}}. The values stay TikTok's enums; every list is
 * cut to what the services accept, so a form never offers a value that would be refused.
 */
@Component("campaignChoices")
record CampaignChoices(
        List<Choice> objectives,
        List<Choice> budgetModes,
        List<Choice> placements,
        List<Choice> ageGroups,
        List<Choice> genders,
        List<Choice> operatingSystems,
        List<Choice> callsToAction) {

    /** A value of a select or a group of checkboxes, and what the page calls it. */
    record Choice(String key, String label) {}

    private static final List<Choice> OBJECTIVES =
            only(
                    names(Objective.values()),
                    new Choice("REACH", "Reach"),
                    new Choice("VIDEO_VIEWS", "Video views"),
                    new Choice("ENGAGEMENT", "Community interaction"),
                    new Choice("TRAFFIC", "Traffic"),
                    new Choice("CONVERSIONS", "Conversions"),
                    new Choice("WEB_CONVERSIONS", "Website conversions"),
                    new Choice("LEAD_GENERATION", "Lead generation"),
                    new Choice("APP_PROMOTION", "App promotion"));

    private static final List<Choice> BUDGET_MODES =
            only(
                    names(BudgetMode.values()),
                    new Choice("BUDGET_MODE_INFINITE", "No limit"),
                    new Choice("BUDGET_MODE_DAY", "Daily"),
                    new Choice("BUDGET_MODE_TOTAL", "Lifetime"));

    private static final List<Choice> PLACEMENTS =
            only(
                    names(AdPlacement.values()),
                    new Choice("IN_FEED", "In-Feed"),
                    new Choice("TOPVIEW", "TopView"));

    private static final List<Choice> AGE_GROUPS =
            only(
                    Targeting.AGE_GROUPS,
                    new Choice("AGE_13_17", "13–17"),
                    new Choice("AGE_18_24", "18–24"),
                    new Choice("AGE_25_34", "25–34"),
                    new Choice("AGE_35_44", "35–44"),
                    new Choice("AGE_45_54", "45–54"),
                    new Choice("AGE_55_100", "55+"));

    private static final List<Choice> GENDERS =
            only(
                    Targeting.GENDERS,
                    new Choice("GENDER_UNLIMITED", "All"),
                    new Choice("GENDER_FEMALE", "Female"),
                    new Choice("GENDER_MALE", "Male"));

    private static final List<Choice> OPERATING_SYSTEMS =
            only(
                    Targeting.OPERATING_SYSTEMS,
                    new Choice("ANDROID", "Android"),
                    new Choice("IOS", "iOS"));

    private static final List<Choice> BILLING_EVENTS =
            only(
                    names(Billing.values()),
                    new Choice("CPM", "CPM · per 1,000 impressions"),
                    new Choice("CPC", "CPC · per click"),
                    new Choice("CPV", "CPV · per video view"),
                    new Choice("OCPM", "oCPM · per 1,000 impressions, bid per conversion"));

    private static final Map<String, String> GOAL_LABELS =
            Map.of(
                    "REACH", "Reach",
                    "SHOW", "Impressions",
                    "CLICK", "Clicks",
                    "TRAFFIC_LANDING_PAGE_VIEW", "Landing page views",
                    "VIDEO_VIEW", "Video views",
                    "ENGAGED_VIEW", "Engaged views",
                    "PAGE_VISIT", "Profile visits",
                    "FOLLOWERS", "Followers",
                    "CONVERT", "Conversions");

    /** What the form says of each goal: whom delivery looks for among the viewers. */
    private static final Map<String, String> GOAL_HINTS =
            Map.of(
                    "REACH", "as many people as possible",
                    "SHOW", "as many showings as possible",
                    "CLICK", "people likely to click",
                    "TRAFFIC_LANDING_PAGE_VIEW", "people likely to open your page",
                    "VIDEO_VIEW", "people likely to watch 6 seconds",
                    "ENGAGED_VIEW", "people likely to watch and engage",
                    "PAGE_VISIT", "people likely to visit your profile",
                    "FOLLOWERS", "people likely to follow you",
                    "CONVERT", "people likely to convert, at your target cost per conversion");

    /** In TikTok's menu order, the order of {@link CallToAction}'s constants. */
    private static final List<Choice> CALLS_TO_ACTION =
            names(CallToAction.values()).stream().map(cta -> new Choice(cta, words(cta))).toList();

    /** The one set of choices the pages offer; Spring builds the bean through this. */
    CampaignChoices() {
        this(
                OBJECTIVES,
                BUDGET_MODES,
                PLACEMENTS,
                AGE_GROUPS,
                GENDERS,
                OPERATING_SYSTEMS,
                CALLS_TO_ACTION);
    }

    /** The billing events that serve the objective, the usual one first. */
    public List<Choice> billingEvents(Objective objective) {
        return objective.billings().stream()
                .flatMap(b -> BILLING_EVENTS.stream().filter(c -> c.key().equals(b.name())))
                .toList();
    }

    /** The optimization goals a billing event can serve, in a stable order. */
    public List<Choice> goals(String billingEvent) {
        return Arrays.stream(Billing.values())
                .filter(billing -> billing.name().equals(billingEvent))
                .flatMap(billing -> billing.goals().stream())
                .map(Enum::name)
                .sorted()
                .map(goal -> new Choice(goal, label(goal) + " · " + GOAL_HINTS.get(goal)))
                .toList();
    }

    /** The page's word for any of these values, or the value in plain words. */
    public String label(Object code) {
        if (code == null) {
            return "—";
        }
        String value = code.toString();
        String goal = GOAL_LABELS.get(value);
        if (goal != null) {
            return goal;
        }
        return Stream.of(
                        objectives,
                        budgetModes,
                        placements,
                        ageGroups,
                        genders,
                        operatingSystems,
                        callsToAction)
                .flatMap(List::stream)
                .filter(choice -> choice.key().equals(value))
                .map(Choice::label)
                .findFirst()
                .orElseGet(() -> words(value));
    }

    /** The labels of several values, joined; "All" when there are none, as targeting reads. */
    public String labels(Collection<String> values) {
        if (values == null || values.isEmpty()) {
            return "All";
        }
        List<String> labels = new ArrayList<>();
        values.forEach(value -> labels.add(label(value)));
        return String.join(", ", labels);
    }

    public String budget(BudgetMode budgetMode, BigDecimal budget) {
        if (budget == null || !budgetMode.limited()) {
            return "No limit";
        }
        return String.format(Locale.ROOT, "%,.2f", budget)
                + (budgetMode == BudgetMode.BUDGET_MODE_DAY ? " daily" : " lifetime");
    }

    /** A bid such as {@code 0.8000} as people write it: {@code 0.80}. */
    public String price(BigDecimal price) {
        if (price == null) {
            return "—";
        }
        BigDecimal plain = price.stripTrailingZeros();
        return plain.setScale(Math.max(2, plain.scale())).toPlainString();
    }

    private static List<Choice> only(Collection<String> accepted, Choice... choices) {
        List<Choice> offered = new ArrayList<>();
        for (Choice choice : choices) {
            if (accepted.contains(choice.key())) {
                offered.add(choice);
            }
        }
        // A value the service accepts but this list does not know is still offered.
        new TreeSet<>(accepted)
                .stream()
                        .filter(v -> offered.stream().noneMatch(c -> c.key().equals(v)))
                        .forEach(v -> offered.add(new Choice(v, words(v))));
        return List.copyOf(offered);
    }

    private static List<String> names(Enum<?>[] codes) {
        return Arrays.stream(codes).map(Enum::name).toList();
    }

    /** {@code LEARN_MORE} reads "Learn more". */
    static String words(String value) {
        String words = value.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return words.isEmpty()
                ? value
                : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
