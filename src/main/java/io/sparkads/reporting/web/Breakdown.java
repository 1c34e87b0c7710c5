package io.sparkads.reporting.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a report's rows are split: by day or hour (in the ad account's time zone), Spark vs
 * non-Spark, or the viewers' age, gender, country or placement. Each names the report API's
 * dimension and says its values in people's words.
 */
enum Breakdown implements ReportChoice {
    NONE("none", "No breakdown", null, false),
    DAY("day", "Day", "stat_time_day", false),
    HOUR("hour", "Hour", "stat_time_hour", false),
    SPARK("spark", "Spark vs non-Spark", "is_spark", false),
    AGE("age", "Age", "age", true),
    GENDER("gender", "Gender", "gender", true),
    COUNTRY("country", "Country", "country_code", true),
    PLACEMENT("placement", "Placement", "placement", true);

    private static final Map<String, String> VALUES =
            Map.ofEntries(
                    Map.entry("true", "Spark ads"),
                    Map.entry("false", "Non-Spark ads"),
                    Map.entry("NONE", "Unknown"),
                    Map.entry("AGE_13_17", "13–17"),
                    Map.entry("AGE_18_24", "18–24"),
                    Map.entry("AGE_25_34", "25–34"),
                    Map.entry("AGE_35_44", "35–44"),
                    Map.entry("AGE_45_54", "45–54"),
                    Map.entry("AGE_55_100", "55+"),
                    Map.entry("MALE", "Male"),
                    Map.entry("FEMALE", "Female"),
                    Map.entry("GENDER_MALE", "Male"),
                    Map.entry("GENDER_FEMALE", "Female"),
                    Map.entry("GENDER_UNLIMITED", "Unknown"),
                    Map.entry("IN_FEED", "In-Feed"),
                    Map.entry("TOPVIEW", "TopView"),
                    Map.entry("PLACEMENT_TIKTOK", "In-Feed"));

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private final String key;
    private final String label;
    private final String dimension;
    private final boolean audience;

    Breakdown(String key, String label, String dimension, boolean audience) {
        this.key = key;
        this.label = label;
        this.dimension = dimension;
        this.audience = audience;
    }

    static Breakdown of(String key) {
        return ReportChoice.of(values(), key, DAY, "Break the report down by");
    }

    @Override
    public String key() {
        return key;
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
        if (VALUES.containsKey(code)) {
            return VALUES.get(code);
        }
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
            case COUNTRY -> country(value);
            default -> VALUES.getOrDefault(value, value);
        };
    }
}
