package io.sparkads.common.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How pages name the values of enums, as {@code ${@labels.of(status)}}: {@code IN_USE} reads "In
 * use", {@code CODE_ISSUED} "Code issued". The constant stays in the element's title for support.
 */
@Component("labels")
class PageLabels {
    /** Values whose readable form is not their name in lower case; one line each, sorted. */
    private static final Map<String, String> WORDS =
            Map.ofEntries(
                    Map.entry("BUDGET_MODE_DAY", "Daily"),
                    Map.entry("BUDGET_MODE_INFINITE", "No limit"),
                    Map.entry("BUDGET_MODE_TOTAL", "Lifetime"),
                    Map.entry("CPC", "Per click (CPC)"),
                    Map.entry("CPM", "Per 1,000 impressions (CPM)"),
                    Map.entry("CPV", "Per video view (CPV)"),
                    Map.entry("ENGAGEMENT", "Community interaction"),
                    Map.entry("IN_FEED", "In-Feed"),
                    Map.entry("TOPVIEW", "TopView"),
                    Map.entry("WEB_CONVERSIONS", "Website conversions"));

    public String of(Object value) {
        if (value == null) {
            return "—";
        }
        String name = value instanceof Enum<?> constant ? constant.name() : value.toString();
        String known = WORDS.get(name);
        if (known != null) {
            return known;
        }
        String words = name.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A one-line explanation of the value for a badge's title, or an empty text when none. */
    public String title(Object value) {
        return "";
    }
}
