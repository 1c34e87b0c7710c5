package io.sparkads.campaigns.web;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdSwitches;
import io.sparkads.campaigns.Ads;
import io.sparkads.campaigns.CallToAction;
import io.sparkads.campaigns.OperationStatus;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the ad's page does to the ad (the page itself is reporting's, which owns its figures):
 * enable or pause it, duplicate it, and edit its name, text, call to action and landing page, each
 * coming back to a page by Post/Redirect/Get.
 */
@WebPage
record AdActionsPageController(Ads ads, AdSwitches switches) {
    private static final String AD = "/ads/ads/{adId}";

    /** The edit form as typed; {@code adText} is null when the ad shows its post's caption. */
    record AdForm(String adName, String adText, String callToAction, String landingPageUrl)
            implements Serializable {
        static AdForm of(Ad ad) {
            return new AdForm(
                    ad.adName(),
                    ownText(ad) ? ad.adText() : null,
                    ad.callToAction(),
                    ad.landingPageUrl());
        }
    }

    /** A Spark ad on a post shows the post's caption; other ads have a text of their own. */
    static boolean ownText(Ad ad) {
        return !ad.spark() || ad.tiktokItemId() == null;
    }

    @PostMapping(AD + "/status")
    String changeStatus(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long adId,
            @RequestParam OperationStatus status,
            RedirectAttributes redirect) {
        try {
            AdSwitches.Outcome outcome = switches.change(advertiserId, List.of(adId), status);
            if (outcome.refused().isEmpty()) {
                redirect.addFlashAttribute(
                        "flash",
                        status == OperationStatus.ENABLE
                                ? "Ad enabled: it runs when its review, ad group and campaign allow"
                                : "Ad paused: it is not shown until you enable it again");
            } else {
                redirect.addFlashAttribute(
                        "flashError",
                        "The ad was not enabled: " + outcome.refused().get(0).reason());
            }
        } catch (Refusal refusal) {
            redirect.addFlashAttribute("flashError", refusal.getMessage());
        }
        return "redirect:/ads/ads/" + adId;
    }

    @PostMapping(AD + "/duplicate")
    String duplicate(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long adId,
            RedirectAttributes redirect) {
        try {
            Ad copy = switches.duplicate(advertiserId, adId);
            redirect.addFlashAttribute(
                    "flash", "Copied as “" + copy.adName() + "”: the copy waits in review");
            return "redirect:/ads/ads/" + copy.id();
        } catch (Refusal refusal) {
            redirect.addFlashAttribute(
                    "flashError", "The ad could not be copied: " + refusal.getMessage());
            return "redirect:/ads/ads/" + adId;
        }
    }

    @GetMapping(AD + "/edit")
    String edit(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long adId,
            Model model) {
        Ad ad = ads.get(advertiserId, adId);
        model.addAttribute("ad", ad);
        model.addAttribute("ownText", ownText(ad));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", AdForm.of(ad));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute(
                "callsToAction", Arrays.stream(CallToAction.values()).map(Enum::name).toList());
        return "campaigns/ad-edit";
    }

    @PostMapping(AD + "/edit")
    String save(
            @AuthenticationPrincipal(expression = "advertiserId()") long advertiserId,
            @PathVariable long adId,
            AdForm form,
            RedirectAttributes redirect) {
        Ad ad = ads.get(advertiserId, adId);
        Map<String, String> errors = problems(form, ownText(ad), ad.landingPageUrl() != null);
        if (errors.isEmpty()) {
            try {
                Ad saved =
                        ads.update(
                                advertiserId,
                                adId,
                                new Ads.NewAd(
                                        form.adName().strip(),
                                        null,
                                        null,
                                        null,
                                        ownText(ad) ? form.adText().strip() : null,
                                        form.callToAction(),
                                        blankToNull(form.landingPageUrl()),
                                        null));
                boolean backToReview =
                        saved.reviewStatus() == Ad.ReviewStatus.PENDING
                                && ad.reviewStatus() != Ad.ReviewStatus.PENDING;
                redirect.addFlashAttribute(
                        "flash",
                        "Saved “"
                                + saved.adName()
                                + "”"
                                + (backToReview
                                        ? ": what viewers see changed, so it is back in review"
                                        : ""));
                return "redirect:/ads/ads/" + adId;
            } catch (Refusal refusal) {
                redirect.addFlashAttribute("flashError", refusal.getMessage());
            }
        }
        // flash attributes live in the shared web session: the form and the map are Serializable
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute("errors", errors);
        return "redirect:/ads/ads/" + adId + "/edit";
    }

    /** Every problem of the form at once, by field, in words that say what to do. */
    static Map<String, String> problems(AdForm form, boolean ownText, boolean hasLandingPage) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.adName() == null ? "" : form.adName().strip();
        if (name.isEmpty()) {
            errors.put("adName", "Enter a name for the ad");
        } else if (name.length() > 512) {
            errors.put("adName", "Keep the name to 512 characters or fewer");
        }
        String text = form.adText() == null ? "" : form.adText().strip();
        if (ownText && text.isEmpty()) {
            errors.put("adText", "Enter the text viewers read under the video");
        } else if (ownText && text.length() > 100) {
            errors.put(
                    "adText",
                    "Keep the text to 100 characters or fewer (it has " + text.length() + ")");
        }
        if (form.callToAction() == null
                || Arrays.stream(CallToAction.values())
                        .noneMatch(c -> c.name().equals(form.callToAction()))) {
            errors.put("callToAction", "Choose the button viewers tap");
        }
        String url = form.landingPageUrl() == null ? "" : form.landingPageUrl().strip();
        if (url.isEmpty() && hasLandingPage) {
            errors.put(
                    "landingPageUrl",
                    "Enter the web address the ad leads to; an ad that leads to a website keeps one");
        } else if (!url.isEmpty() && !isHttpsWithHost(url)) {
            errors.put(
                    "landingPageUrl",
                    "Enter a full https address, like https://shop.example.com/sale");
        }
        return errors;
    }

    private static boolean isHttpsWithHost(String url) {
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme())
                    && uri.getHost() != null
                    && uri.getHost().contains(".");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
