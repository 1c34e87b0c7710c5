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
class SignInPageController {

    @GetMapping("/login")
    String signIn(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            Model model) {
        if (user != null) {
            return "redirect:/";
        }
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", signedOut != null);
        return "accounts/login";
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
