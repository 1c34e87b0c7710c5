package io.sparkads.reporting.web;

import io.sparkads.common.Refusal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** One of a report page's choices (a level, a breakdown): its key in the address and its name. */
interface ReportChoice {
    /** The enum constant's name: the choices are enums. */
    String name();

    /** The choice's key in the page's address: its name in lower case ("adgroup", "day"). */
    default String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String label();

    /**
     * The choice with this key; none asked is the fallback, and an unknown key is refused with the
     * choices there are, so the person knows what to pick.
     */
    static <C extends ReportChoice> C of(C[] choices, String key, C fallback, String ask) {
        if (key == null || key.isBlank()) {
            return fallback;
        }
        return Arrays.stream(choices)
                .filter(choice -> choice.key().equals(key))
                .findFirst()
                .orElseThrow(
                        () ->
                                Refusal.invalid(
                                        ask
                                                + " "
                                                + Arrays.stream(choices)
                                                        .map(c -> c.label().toLowerCase())
                                                        .collect(Collectors.joining(", "))
                                                + "; “"
                                                + key
                                                + "” is not one of them."));
    }
}
