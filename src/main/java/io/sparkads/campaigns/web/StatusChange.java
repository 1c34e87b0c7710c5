package io.sparkads.campaigns.web;

import io.sparkads.campaigns.AdSwitches;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.common.Refusal;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A bulk enable, disable or delete from a page's checkboxes, and what it says once done. */
final class StatusChange {
    private StatusChange() {}

    /** "2 campaigns paused", in the words the status badge uses (Paused). */
    static String done(int count, String noun, OperationStatus status) {
        String verb =
                switch (status) {
                    case ENABLE -> "enabled";
                    case DISABLE -> "paused";
                    case DELETE -> "deleted";
                };
        return count + " " + noun + (count == 1 ? "" : "s") + " " + verb;
    }

    /**
     * Enables or disables the checked rows of a campaign's or ad group's page, each of which must
     * be under it ({@code under}), saying in the next page's flash what was done or why not.
     */
    static void applyUnder(
            String parent,
            LongPredicate under,
            List<Long> ids,
            OperationStatus status,
            String noun,
            Consumer<List<Long>> change,
            RedirectAttributes redirect) {
        Consumer<List<Long>> checked =
                rows -> {
                    for (long id : rows) {
                        if (!under.test(id)) {
                            throw Refusal.notFound(
                                    capitalized(noun) + " " + id + " is not in this " + parent);
                        }
                    }
                    change.accept(rows);
                };
        apply(ids, status, noun, false, checked, redirect);
    }

    /**
     * Changes the status of the checked rows, saying in the next page's flash what was done or why
     * not; pages that only enable and disable refuse a delete.
     */
    static void apply(
            List<Long> ids,
            OperationStatus status,
            String noun,
            boolean deletable,
            Consumer<List<Long>> change,
            RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flashError", "Select at least one " + noun + " first");
        } else if (status == OperationStatus.DELETE && !deletable) {
            redirect.addFlashAttribute(
                    "flashError", capitalized(noun) + "s are enabled or paused here");
        } else {
            try {
                change.accept(ids);
                redirect.addFlashAttribute("flash", done(ids.size(), noun, status));
            } catch (Refusal refusal) {
                redirect.addFlashAttribute("flashError", refusal.getMessage());
            }
        }
    }

    /**
     * Says what an enable or pause of ads did: "3 ads paused" in the flash, and each ad left as it
     * was by name with the reason, so the advertiser knows what to fix.
     */
    static void saySwitched(
            AdSwitches.Outcome outcome, OperationStatus status, RedirectAttributes redirect) {
        String verb = status == OperationStatus.ENABLE ? "enabled" : "paused";
        int count = outcome.changed().size();
        if (count > 0) {
            redirect.addFlashAttribute(
                    "flash", count + " ad" + (count == 1 ? "" : "s") + " " + verb);
        }
        if (!outcome.refused().isEmpty()) {
            redirect.addFlashAttribute(
                    "flashError",
                    outcome.refused().stream()
                            .map(
                                    r ->
                                            "“"
                                                    + r.ad().adName()
                                                    + "” was not "
                                                    + verb
                                                    + ": "
                                                    + r.reason())
                            .collect(Collectors.joining(". ")));
        }
    }

    private static String capitalized(String noun) {
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}
