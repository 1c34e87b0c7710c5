package io.sparkads.accounts.web;

import io.sparkads.accounts.SignedInUser;
import io.sparkads.common.web.WebPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form (Spring Security handles its POST) and the home address, which sends each person
 * to their own part of the UI.
 */
@WebPage
record SignInPageController() {

    @GetMapping("/login")
    String signIn(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            @RequestParam(required = false) String wait,
            Model model) {
        if (user != null) {
            return "redirect:/";
        }
        model.addAttribute("waitMessage", waitMessage(wait));
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", signedOut != null);
        return "accounts/login";
    }

    /** After too many failed sign-ins: how long to wait, in words. */
    static String waitMessage(String seconds) {
        if (seconds == null || !seconds.matches("\\d{1,6}")) {
            return null;
        }
        long wait = Long.parseLong(seconds);
        String when =
                wait <= 90
                        ? wait + (wait == 1 ? " second" : " seconds")
                        : "about " + (wait + 59) / 60 + " minutes";
        return "Too many failed sign-ins. For your safety, wait " + when + " and try again.";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SignedInUser user) {
        return switch (user.user().role()) {
            case ADVERTISER -> "redirect:/ads";
            case CREATOR -> "redirect:/creator";
            case REVIEWER, ADMIN -> "redirect:/review";
        };
    }
}
