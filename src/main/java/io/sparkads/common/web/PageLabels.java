package io.sparkads.common.web;

import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How pages name the values of enums, as {@code ${@labels.of(status)}}: {@code IN_USE} reads "In
 * use", {@code CODE_ISSUED} "Code issued". The constant stays in the element's title for support.
 */
@Component("labels")
class PageLabels {

    public String of(Object value) {
        if (value == null) {
            return "—";
        }
        String name = value instanceof Enum<?> constant ? constant.name() : value.toString();
        String words = name.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A one-line explanation of the value for a badge's title, or an empty text when none. */
    public String title(Object value) {
        return "";
    }
}
