package io.sparkads.campaigns.web;

import io.sparkads.common.Refusal;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problems of a submitted Ads Manager form, all at once, each under the id of the input it is
 * about and in the words a person acts on ("Enter a daily budget greater than 0"). The page shows
 * each one beside its input ({@code <p class="field-error" id="<input id>-error">}), as {@code
 * ${errors.of('campaign-budget')}}; {@link #FORM} holds what belongs to no one input.
 *
 * <p>The readers below record a problem and answer {@code null}, so a form reads every field and
 * reports every problem in one pass instead of stopping at the first.
 */
final class FormErrors implements Serializable {
    /** The key of a problem that is about the form as a whole, shown above it. */
    static final String FORM = "form";

    private final LinkedHashMap<String, String> byField = new LinkedHashMap<>();

    /** Records the problem of a field; the first one recorded for a field is the one shown. */
    void add(String field, String message) {
        byField.putIfAbsent(field, message);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public int count() {
        return byField.size();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The problem of the field, or {@code null} when it has none. */
    public String of(String field) {
        return byField.get(field);
    }

    public Map<String, String> all() {
        return Map.copyOf(byField);
    }

    /**
     * The stripped text, or {@code null} with {@code missing} recorded when it is empty or long.
     */
    String required(String field, String value, int maxLength, String missing) {
        String text = FormValues.text(value);
        if (text == null) {
            add(field, missing);
            return null;
        }
        if (text.length() > maxLength) {
            add(field, "Keep it to " + maxLength + " characters or fewer");
            return null;
        }
        return text;
    }

    /**
     * An amount greater than 0 with at most {@code decimals} decimals, such as a budget or a bid;
     * {@code what} names it as the form does ("a daily budget").
     */
    BigDecimal positive(String field, String value, String what, int decimals, String example) {
        String text = FormValues.text(value);
        if (text == null) {
            add(field, "Enter " + what + " greater than 0");
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            add(field, "Enter " + what + " as a number, such as " + example);
            return null;
        }
        if (amount.signum() <= 0) {
            add(field, "Enter " + what + " greater than 0");
            return null;
        }
        if (amount.scale() > decimals || amount.precision() - amount.scale() > 12) {
            add(
                    field,
                    "Enter "
                            + what
                            + " with at most "
                            + decimals
                            + " decimals, such as "
                            + example);
            return null;
        }
        return amount;
    }

    /** A whole number from {@code min} to {@code max}; {@code null} when empty or refused. */
    Integer whole(String field, String value, int min, int max, String outOfRange) {
        String text = FormValues.text(value);
        if (text == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(text.replace(",", ""));
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, in the same words as a number out of range
        }
        add(field, outOfRange);
        return null;
    }

    /**
     * A refusal the service gave although the form's own checks passed: under the field its message
     * starts with ({@code fieldsByWireName}: {@code "budget"} → {@code "campaign-budget"}), else
     * above the form. The words are the service's, without the Business API's position prefix.
     */
    void refused(Refusal refusal, Map<String, String> fieldsByWireName) {
        String message = FormValues.message(refusal);
        if (message.isBlank()) {
            add(FORM, "This could not be saved; check the fields and try again");
            return;
        }
        String field =
                fieldsByWireName.entrySet().stream()
                        .filter(e -> message.startsWith(e.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(FORM);
        add(field, Character.toUpperCase(message.charAt(0)) + message.substring(1));
    }

    @Override
    public String toString() {
        return byField.toString();
    }
}
