package io.sparkads.common.web;

import io.sparkads.common.Quotes;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an error message may show the caller: at most ~100 characters of any value they sent, never
 * a class name or a library's internals, and never more than a few lines.
 */
final class ClientMessages {
    static final int MAX_LENGTH = 400;

    private static final Pattern QUOTED = Pattern.compile("'([^']{" + (Quotes.LIMIT + 1) + ",})'");

    /** What {@link Quotes} already cut: left alone, so cleaning twice keeps the true length. */
    private static final Pattern SHORTENED =
            Pattern.compile("(?s).{0," + Quotes.LIMIT + "}… \\(\\d+ characters\\)");

    private static final Pattern LIBRARY_HINT = Pattern.compile("\\s*\\([^()]*`[^`]*`[^()]*\\)");
    private static final Pattern REFERENCE_CHAIN =
            Pattern.compile("\\s*\\(through reference chain:.*", Pattern.DOTALL);
    private static final Pattern CLASS_NAME =
            Pattern.compile(
                    "`?\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?:\\[\"[^\"]*\"\\])*`?");

    private ClientMessages() {}

    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "The request is invalid";
        }
        String text = REFERENCE_CHAIN.matcher(message).replaceAll("");
        text = LIBRARY_HINT.matcher(text).replaceAll("");
        text = CLASS_NAME.matcher(text).replaceAll("the request");
        Matcher quoted = QUOTED.matcher(text);
        StringBuilder shortened = new StringBuilder();
        while (quoted.find()) {
            String value = quoted.group(1);
            String replacement =
                    SHORTENED.matcher(value).matches() ? quoted.group() : Quotes.of(value);
            quoted.appendReplacement(shortened, Matcher.quoteReplacement(replacement));
        }
        quoted.appendTail(shortened);
        text = shortened.toString().replace("\u0000", "\\u0000");
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }

    /**
     * The database refused a value as malformed (SQLSTATE class 22, "data exception": NUL in text,
     * a number out of range, …): the request was at fault, so it gets a 4xx saying what to fix.
     * Empty for any other failure.
     */
    static Optional<String> storageRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return Optional.of(
                        switch (sql.getSQLState()) {
                            case "22021", "22P05" ->
                                    "A text field holds a character that cannot be stored, such as"
                                            + " NUL (\\u0000); remove it and send again";
                            case "22003" -> "A number in the request is out of range";
                            case "22001" -> "A text field in the request is too long";
                            default -> "A value in the request is malformed and was not stored";
                        });
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
