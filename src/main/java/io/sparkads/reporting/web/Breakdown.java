package io.sparkads.reporting.web;

import io.sparkads.common.web.PageLabels;
import io.sparkads.reporting.PaidEvent;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a report's rows are split: by day or hour (in the ad account's time zone), Spark vs
 * non-Spark, or the viewers' age, gender, country or placement. Each names the report API's
 * dimension and says its values in people's words.
 */
enum Breakdown implements ReportChoice {
    NONE("No breakdown", null, false, Map.of()),
    DAY("Day", "stat_time_day", false, Map.of()),
    HOUR("Hour", "stat_time_hour", false, Map.of()),
    SPARK(
            "Spark vs non-Spark",
            "is_spark",
            false,
            Map.of("true", "Spark ads", "false", "Non-Spark ads")),
    AGE(
            "Age",
            "age",
            true,
            Map.of(
                    "AGE_13_17", "13–17",
                    "AGE_18_24", "18–24",
                    "AGE_25_34", "25–34",
                    "AGE_35_44", "35–44",
                    "AGE_45_54", "45–54",
                    "AGE_55_100", "55+")),
    GENDER(
            "Gender",
            "gender",
            true,
            // the ad request's MALE and FEMALE, and the ad group's targeting codes
            Map.of(
                    "MALE", "Male",
                    "FEMALE", "Female",
                    "GENDER_MALE", "Male",
                    "GENDER_FEMALE", "Female",
                    "GENDER_UNLIMITED", "Unknown")),
    COUNTRY("Country", "country_code", true, Map.of()),
    PLACEMENT(
            "Placement",
            "placement",
            true,
            Map.of("IN_FEED", "In-Feed", "TOPVIEW", "TopView", "PLACEMENT_TIKTOK", "In-Feed"));

    /** TikTok's value for an attribute the ad request did not give, as the rollups store it. */
    private static final String UNKNOWN = PaidEvent.Audience.NONE;

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /** Names a value the breakdown has no words of its own for, as every page names codes. */
    private static final PageLabels LABELS = new PageLabels();

    private final String label;
    private final String dimension;
    private final boolean audience;
    private final Map<String, String> valueLabels;

    /**
     * @param valueLabels the breakdown's values in words of its own; a value without one reads as
     *     {@link PageLabels} names it
     */
    Breakdown(String label, String dimension, boolean audience, Map<String, String> valueLabels) {
        this.label = label;
        this.dimension = dimension;
        this.audience = audience;
        this.valueLabels = valueLabels;
    }

    static Breakdown of(String key) {
        return ReportChoice.of(values(), key, DAY, "Break the report down by");
    }

    @Override
    public String label() {
        return label;
    }

    /** The report API's dimension; none when rows are not split. */
    String dimension() {
        return dimension;
    }

    boolean time() {
        return this == DAY || this == HOUR;
    }

    /** Whether the split is by who saw the ads (TikTok's AUDIENCE report). */
    boolean audience() {
        return audience;
    }

    /**
     * A country's name in English from its ISO code ("US" is "United States"); a code ISO leaves to
     * users (such as "XA", which Java would call "Pseudo-Accents") stays as it is.
     */
    private static String country(String code) {
        if (!ISO_COUNTRIES.contains(code)) {
            return code;
        }
        // new Locale, not Locale.of: the project builds for Java 17
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /** A dimension value as people read it: {@code true} is "Spark ads", a time stays a time. */
    String valueLabel(String value) {
        if (value == null) {
            return "Unknown";
        }
        return switch (this) {
            case DAY -> value.length() >= 10 ? value.substring(0, 10) : value;
            case HOUR -> value.length() >= 16 ? value.substring(0, 16) : value;
            default ->
                    value.equals(UNKNOWN)
                            ? "Unknown"
                            : this == COUNTRY
                                    ? country(value)
                                    : valueLabels.getOrDefault(value, LABELS.of(value));
        };
    }
}
