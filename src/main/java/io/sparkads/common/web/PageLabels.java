package io.sparkads.common.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place that names the API's codes for people: every status, call to action, permission,
 * identity type, objective, placement, billing event, budget mode and goal a page, an export or a
 * message shows. Pages write {@code ${@labels.of(code)}} and {@code
 * th:title="${@labels.title(code)}"}; the raw code appears only where an API user needs it, marked
 * {@code data-api-code}.
 *
 * <p>The dictionary is {@code page-labels.properties}, keyed by the code alone as the wire spells
 * it, so a code several enums share (REACH is an objective and an optimization goal) reads the same
 * everywhere: add a line in the code's sorted place. A code the dictionary does not know reads as
 * its words ({@code AD_STATUS_SOME_STATE} "Some state"), never as the code.
 */
@Component("labels")
public class PageLabels {

    /** What people read for a code, and a one-line explanation of it ("" when none helps). */
    private record Label(String words, String title) {}

    /** Where the dictionary lives: one line per code, {@code CODE = Words | Explanation}. */
    static final String DICTIONARY_FILE = "/page-labels.properties";

    private static final Map<String, Label> DICTIONARY = load();

    /**
     * An ad's status as the creator reads it in the usage ledger, where "you" is the creator; a
     * status not named here reads as the advertiser's words.
     */
    private static final Map<String, String> FOR_CREATORS =
            Map.ofEntries(
                    Map.entry("AD_STATUS_ADGROUP_DISABLE", "Paused by the advertiser"),
                    Map.entry("AD_STATUS_ASSET_AUTHORIZATION_LOST", "Stopped: post unavailable"),
                    Map.entry("AD_STATUS_CAMPAIGN_DISABLE", "Paused by the advertiser"),
                    Map.entry("AD_STATUS_CREATOR_AUTHORIZATION_REVOKED", "Stopped: you revoked it"),
                    Map.entry("AD_STATUS_DELIVERY_OK", "Running"),
                    Map.entry("AD_STATUS_DISABLE", "Paused by the advertiser"));

    /** Prefixes a code the dictionary does not know loses before it is read as words. */
    private static final List<String> PREFIXES =
            List.of(
                    "AD_STATUS_",
                    "ADGROUP_STATUS_",
                    "CAMPAIGN_STATUS_",
                    "BUDGET_MODE_",
                    "BID_TYPE_",
                    "PACING_MODE_",
                    "PLACEMENT_TYPE_",
                    "PLACEMENT_",
                    "OPTIMIZATION_GOAL_",
                    "OPTIMIZATION_");

    /** What people read for the code: {@code SHOP_NOW} "Shop now"; "—" for none. */
    public String of(Object code) {
        if (code == null) {
            return "—";
        }
        String name = name(code);
        Label label = DICTIONARY.get(name);
        return label != null ? label.words() : words(name);
    }

    /** A one-line explanation of the code for a badge's title, or an empty text when none. */
    public String title(Object code) {
        if (code == null) {
            return "";
        }
        Label label = DICTIONARY.get(name(code));
        return label == null ? "" : label.title();
    }

    /** An ad's status in the creator's words, for the usage ledger of their post. */
    public String forCreator(Object status) {
        if (status == null) {
            return "—";
        }
        String creators = FOR_CREATORS.get(name(status));
        return creators != null ? creators : of(status);
    }

    /** The labels of several codes, joined; "All" when there are none, as targeting reads. */
    public String ofAll(Collection<?> codes) {
        if (codes == null || codes.isEmpty()) {
            return "All";
        }
        return String.join(", ", codes.stream().map(this::of).toList());
    }

    /** Whether the dictionary names the code itself, rather than reading it as words. */
    boolean knows(Object code) {
        return code != null && DICTIONARY.containsKey(name(code));
    }

    /** Every code the dictionary names. */
    static Set<String> codes() {
        return DICTIONARY.keySet();
    }

    /** The dictionary's lines, read once: a missing or broken file fails the start, not a page. */
    private static Map<String, Label> load() {
        Properties lines = new Properties();
        try (InputStream in = PageLabels.class.getResourceAsStream(DICTIONARY_FILE)) {
            if (in == null) {
                throw new IllegalStateException(DICTIONARY_FILE + " is missing");
            }
            lines.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Label> dictionary = new HashMap<>();
        lines.forEach(
                (code, value) -> {
                    String[] parts = value.toString().split("\\|", 2);
                    dictionary.put(
                            code.toString().strip(),
                            new Label(parts[0].strip(), parts.length > 1 ? parts[1].strip() : ""));
                });
        return Map.copyOf(dictionary);
    }

    private static String name(Object code) {
        return code instanceof Enum<?> constant ? constant.name() : code.toString();
    }

    /** {@code AD_STATUS_SOME_STATE} reads "Some state": a known prefix off, then words. */
    static String words(String code) {
        String rest = code;
        for (String prefix : PREFIXES) {
            if (rest.startsWith(prefix) && rest.length() > prefix.length()) {
                rest = rest.substring(prefix.length());
                break;
            }
        }
        String words = rest.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
        return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
