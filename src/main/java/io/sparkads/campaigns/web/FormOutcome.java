package io.sparkads.campaigns.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How an Ads Manager form ends: saved, Post/Redirect/Get back to the list on the page it was on
 * with a flash and the row highlighted; or refused, the same page again as 422 with the reason
 * beside the form.
 */
final class FormOutcome {
    private FormOutcome() {}

    static String saved(
            RedirectAttributes redirect, String flash, long highlight, int page, String path) {
        redirect.addFlashAttribute("flash", flash);
        redirect.addFlashAttribute("highlight", highlight);
        return backTo(redirect, page, path);
    }

    /** Back to {@code path}, on the page of the list it was on. */
    static String backTo(RedirectAttributes redirect, int page, String path) {
        if (page > 1) {
            redirect.addAttribute("page", page);
        }
        return "redirect:" + path;
    }

    static void refused(
            Model model, HttpServletResponse response, String errorAttribute, String reason) {
        model.addAttribute(errorAttribute, reason);
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
    }
}
