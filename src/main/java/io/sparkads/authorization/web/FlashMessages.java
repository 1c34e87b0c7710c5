package io.sparkads.authorization.web;

import io.sparkads.common.Refusal;
import java.util.function.Supplier;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Post/Redirect/Get for the forms of this module: the next page says what happened, or why not. */
final class FlashMessages {
    private FlashMessages() {}

    /**
     * Carries out {@code change}; its answer becomes the notice, a refusal the error message.
     *
     * @return whether the change went through
     */
    static boolean report(RedirectAttributes redirect, Supplier<String> change) {
        return refusalReported(redirect, () -> redirect.addFlashAttribute("flash", change.get()));
    }

    /**
     * Carries out {@code change}, which leaves its own flash attributes; a refusal becomes the
     * error message.
     *
     * @return whether the change went through
     */
    static boolean refusalReported(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            return true;
        } catch (Refusal refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
            return false;
        }
    }
}
