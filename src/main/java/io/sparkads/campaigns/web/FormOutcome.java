package io.sparkads.campaigns.web;

import io.sparkads.common.web.SortedPage;
import java.io.Serializable;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How an Ads Manager form ends, always with Post/Redirect/Get so the address bar never shows a
 * POST-only address and a reload never posts again: saved, on to the next page with a flash (and
 * the row highlighted); or refused, back to the form's page with what was typed and every problem
 * beside its field, carried in flash attributes. Flash attributes live in the web session, which is
 * stored in PostgreSQL and shared by every server, so what a form carries there is {@link
 * Serializable} (the compiler checks it here).
 */
final class FormOutcome {
    private FormOutcome() {}

    static String saved(
            RedirectAttributes redirect,
            String flash,
            long highlight,
            SortedPage list,
            String path) {
        redirect.addFlashAttribute("flash", flash);
        redirect.addFlashAttribute("highlight", highlight);
        return backTo(redirect, list, path);
    }

    /** On to the page of what was just created, with a flash that says so. */
    static String created(RedirectAttributes redirect, String flash, String path) {
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + path;
    }

    /** Back to {@code path}, on the page of the list it was on, sorted as it was. */
    static String backTo(RedirectAttributes redirect, SortedPage list, String path) {
        for (Map.Entry<String, String> kept :
                Map.of(
                                "sort",
                                nonNull(list.sort()),
                                "dir",
                                nonNull(list.dir()),
                                "size",
                                nonNull(list.size()))
                        .entrySet()) {
            if (!kept.getValue().isBlank()) {
                redirect.addAttribute(kept.getKey(), kept.getValue().strip());
            }
        }
        Long page = SortedPage.number("page", list.page(), "a page number from 1");
        return backTo(redirect, page == null ? 1 : (int) Math.min(100_000, page), path);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** Back to {@code path}, on the page of the list it was on. */
    static String backTo(RedirectAttributes redirect, int page, String path) {
        if (page > 1) {
            redirect.addAttribute("page", page);
        }
        return "redirect:" + path;
    }

    /** Back to the form's own page, which shows {@code form} as typed and the problems. */
    static String refused(
            RedirectAttributes redirect, Serializable form, FormErrors errors, String formPath) {
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute("errors", errors);
        return "redirect:" + formPath;
    }

    /** Back to a list whose row {@code editId} opens its edit form again, as typed. */
    static String editRefused(
            RedirectAttributes redirect,
            long editId,
            Serializable edit,
            FormErrors errors,
            SortedPage list,
            String path) {
        redirect.addFlashAttribute("editId", editId);
        redirect.addFlashAttribute("edit", edit);
        redirect.addFlashAttribute("editErrors", errors);
        return backTo(redirect, list, path);
    }

    /**
     * A form page's model: the form and problems a refusal redirected here with, or a new form and
     * none.
     */
    static void showForm(Model model, Supplier<?> initial) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", initial.get());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
    }

    /** A list page's model: no row's edit refused unless a redirect says which. */
    static void showList(Model model) {
        if (!model.containsAttribute("editErrors")) {
            model.addAttribute("editErrors", new FormErrors());
        }
    }
}
