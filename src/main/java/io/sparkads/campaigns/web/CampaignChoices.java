package io.sparkads.campaigns.web;

import io.sparkads.campaigns.AdGroups;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.Campaigns;
import io.sparkads.campaigns.OperationStatus;
import java.util.ArrayList;
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
class CampaignChoices {

    /** A value of a select or a group of checkboxes, and what the page calls it. */
    record Choice(String value, String label) {}

    private static final List<Choice> OBJECTIVES =
            only(
                    Campaigns.OBJECTIVES,
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
                    Campaigns.BUDGET_MODES,
                    new Choice("BUDGET_MODE_INFINITE", "No limit"),
                    new Choice("BUDGET_MODE_DAY", "Daily"),
                    new Choice("BUDGET_MODE_TOTAL", "Lifetime"));

    private static final List<Choice> PLACEMENTS =
            only(
                    AdGroups.PLACEMENTS,
                    new Choice("IN_FEED", "In-Feed"),
                    new Choice("TOPVIEW", "TopView"));

    private static final List<Choice> AGE_GROUPS =
            only(
                    AdGroups.AGE_GROUPS,
                    new Choice("AGE_13_17", "13–17"),
                    new Choice("AGE_18_24", "18–24"),
                    new Choice("AGE_25_34", "25–34"),
                    new Choice("AGE_35_44", "35–44"),
                    new Choice("AGE_45_54", "45–54"),
                    new Choice("AGE_55_100", "55+"));

    private static final List<Choice> GENDERS =
            only(
                    AdGroups.GENDERS,
                    new Choice("GENDER_UNLIMITED", "All"),
                    new Choice("GENDER_FEMALE", "Female"),
                    new Choice("GENDER_MALE", "Male"));

    private static final List<Choice> OPERATING_SYSTEMS =
            only(
                    AdGroups.OPERATING_SYSTEMS,
                    new Choice("ANDROID", "Android"),
                    new Choice("IOS", "iOS"));

    private static final List<Choice> BILLING_EVENTS =
            only(
                    AdGroups.BILLING_EVENTS,
                    new Choice("CPM", "CPM · per 1,000 impressions"),
                    new Choice("CPC", "CPC · per click"),
                    new Choice("CPV", "CPV · per video view"));

    private static final Map<String, String> GOAL_LABELS =
            Map.of(
                    "REACH", "Reach",
                    "SHOW", "Impressions",
                    "CLICK", "Clicks",
                    "TRAFFIC_LANDING_PAGE_VIEW", "Landing page views",
                    "VIDEO_VIEW", "Video views",
                    "ENGAGED_VIEW", "Engaged views");

    /** TikTok's order in the call-to-action menu: the common ones first. */
    private static final List<String> CTA_ORDER =
            List.of(
                    "LEARN_MORE",
                    "SHOP_NOW",
                    "SIGN_UP",
                    "ORDER_NOW",
                    "BOOK_NOW",
                    "DOWNLOAD_NOW",
                    "INSTALL_NOW",
                    "WATCH_NOW",
                    "VIEW_NOW",
                    "READ_MORE",
                    "LISTEN_NOW",
                    "PLAY_GAME",
                    "APPLY_NOW",
                    "CONTACT_US",
                    "GET_QUOTE",
                    "GET_TICKETS_NOW",
                    "SUBSCRIBE",
                    "INTERESTED",
                    "VISIT_STORE",
                    "VIEW_PROFILE");

    private static final List<Choice> CALLS_TO_ACTION =
            Stream.concat(
                            CTA_ORDER.stream().filter(Ads.CALLS_TO_ACTION::contains),
                            new TreeSet<>(Ads.CALLS_TO_ACTION)
                                    .stream().filter(cta -> !CTA_ORDER.contains(cta)))
                    .map(cta -> new Choice(cta, words(cta)))
                    .toList();

    public List<Choice> objectives() {
        return OBJECTIVES;
    }

    public List<Choice> budgetModes() {
        return BUDGET_MODES;
    }

    public List<Choice> placements() {
        return PLACEMENTS;
    }

    public List<Choice> ageGroups() {
        return AGE_GROUPS;
    }

    public List<Choice> genders() {
        return GENDERS;
    }

    public List<Choice> operatingSystems() {
        return OPERATING_SYSTEMS;
    }

    /** The billing events that serve the objective, the usual one first. */
    public List<Choice> billingEvents(String objective) {
        List<String> serving =
                AdGroups.BILLING_BY_OBJECTIVE.getOrDefault(
                        objective, List.copyOf(AdGroups.BILLING_EVENTS));
        return serving.stream()
                .flatMap(b -> BILLING_EVENTS.stream().filter(c -> c.value().equals(b)))
                .toList();
    }

    /** The optimization goals a billing event can serve, in a stable order. */
    public List<Choice> goals(String billingEvent) {
        return new TreeSet<>(
                        AdGroups.GOALS_BY_BILLING.getOrDefault(billingEvent, java.util.List.of()))
                .stream().map(goal -> new Choice(goal, label(goal))).toList();
    }

    public List<Choice> callsToAction() {
        return CALLS_TO_ACTION;
    }

    /** The page's word for any of these values, or the value in plain words. */
    public String label(String value) {
        if (value == null) {
            return "—";
        }
        String goal = GOAL_LABELS.get(value);
        if (goal != null) {
            return goal;
        }
        return Stream.of(
                        OBJECTIVES,
                        BUDGET_MODES,
                        PLACEMENTS,
                        AGE_GROUPS,
                        GENDERS,
                        OPERATING_SYSTEMS,
                        CALLS_TO_ACTION)
                .flatMap(List::stream)
                .filter(choice -> choice.value().equals(value))
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

    /** ENABLE reads "Enabled", DISABLE "Disabled". */
    public String status(OperationStatus status) {
        return switch (status) {
            case ENABLE -> "Enabled";
            case DISABLE -> "Disabled";
            case DELETE -> "Deleted";
        };
    }

    public String budget(String budgetMode, java.math.BigDecimal budget) {
        if (budget == null || "BUDGET_MODE_INFINITE".equals(budgetMode)) {
            return "No limit";
        }
        return String.format(Locale.ROOT, "%,.2f", budget)
                + ("BUDGET_MODE_DAY".equals(budgetMode) ? " daily" : " lifetime");
    }

    /** A bid such as {@code 0.8000} as people write it: {@code 0.80}. */
    public String price(java.math.BigDecimal price) {
        if (price == null) {
            return "—";
        }
        java.math.BigDecimal plain = price.stripTrailingZeros();
        return plain.setScale(Math.max(2, plain.scale())).toPlainString();
    }

    private static List<Choice> only(Collection<String> accepted, Choice... choices) {
        List<Choice> offered = new ArrayList<>();
        for (Choice choice : choices) {
            if (accepted.contains(choice.value())) {
                offered.add(choice);
            }
        }
        // A value the service accepts but this list does not know is still offered.
        new TreeSet<>(accepted)
                .stream()
                        .filter(v -> offered.stream().noneMatch(c -> c.value().equals(v)))
                        .forEach(v -> offered.add(new Choice(v, words(v))));
        return List.copyOf(offered);
    }

    /** {@code LEARN_MORE} reads "Learn more". */
    static String words(String value) {
        String words = value.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return words.isEmpty()
                ? value
                : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
