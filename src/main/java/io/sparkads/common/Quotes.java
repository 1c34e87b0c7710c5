package io.sparkads.common;

/**
 * Quotes what a caller sent inside a message, at most {@value #LIMIT} characters of it: an error
 * says what was wrong without echoing a megabyte back.
 */
public final class Quotes {
    public static final int LIMIT = 100;

    private Quotes() {}

    public static String of(Object value) {
        if (value == null) {
            return "nothing";
        }
        return "'" + shorten(String.valueOf(value)) + "'";
    }

    /** The text cut to {@value #LIMIT} characters, saying how long it was; NUL made visible. */
    public static String shorten(String text) {
        String shown =
                text.length() <= LIMIT
                        ? text
                        : text.substring(0, LIMIT) + "… (" + text.length() + " characters)";
        return shown.replace("\u0000", "\\u0000");
    }
}
