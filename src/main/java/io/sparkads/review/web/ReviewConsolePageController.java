package io.sparkads.review.web;

import io.sparkads.accounts.SignedInUser;
import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.AdPreviews;
import io.sparkads.campaigns.Ads;
import io.sparkads.common.PageInfo;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import io.sparkads.common.web.WebPage;
import io.sparkads.review.CheckResult;
import io.sparkads.review.Review;
import io.sparkads.review.Reviews;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Review console: ads waiting for review, oldest first, each approved or rejected with a reason the
 * advertiser sees.
 */
@WebPage
@RequestMapping("/review")
record ReviewConsolePageController(Reviews reviews, Ads ads, AdPreviews previews) {
    private static final int PAGE_SIZE = 20;

    /**
     * A pending review with its ad and what a viewer would see of it; {@code ad} and {@code
     * preview} are null if the ad is gone.
     */
    record PendingReview(Review review, Ad ad, AdPreviews.Preview preview) {

        /** Whether every automatic check passed, so only the person's judgement is left. */
        public boolean allPassed() {
            return review.checks().stream().allMatch(CheckResult::passed);
        }
    }

    @GetMapping
    String console(@RequestParam(defaultValue = "1") int page, Model model) {
        PageRequest request = new PageRequest(Math.max(1, page), PAGE_SIZE);
        List<PendingReview> pending =
                reviews.list(Review.Status.PENDING, request).stream().map(this::pending).toList();
        model.addAttribute("pending", pending);
        Object errorId = model.getAttribute("reviewErrorId");
        if (errorId != null && pending.stream().noneMatch(p -> errorId.equals(p.review().id()))) {
            // The review it concerns is no longer on this page, e.g. someone else decided it.
            model.addAttribute("flashError", model.getAttribute("reviewError"));
        }
        model.addAttribute("paging", PageInfo.of(request, reviews.count(Review.Status.PENDING)));
        return "review/console";
    }

    private PendingReview pending(Review review) {
        Ad ad = ads.find(review.adId()).orElse(null);
        return new PendingReview(review, ad, ad == null ? null : previews.preview(ad));
    }

    @PostMapping("/{reviewId}/decision")
    String decide(
            @AuthenticationPrincipal SignedInUser reviewer,
            @PathVariable long reviewId,
            @RequestParam Review.Decision decision,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "1") int page,
            RedirectAttributes redirect) {
        try {
            Review decided = reviews.decide(reviewId, decision, reason, reviewer.getUsername());
            String name = ads.find(decided.adId()).map(Ad::adName).orElse("Ad " + decided.adId());
            redirect.addFlashAttribute(
                    "flash",
                    decision == Review.Decision.APPROVE
                            ? "Approved “" + name + "”"
                            : "Rejected “" + name + "”: " + decided.reason());
        } catch (Refusal refusal) {
            // The error stays with the ad it concerns, and the reviewer keeps what they typed.
            redirect.addFlashAttribute("reviewError", refusal.getMessage());
            redirect.addFlashAttribute("reviewErrorId", reviewId);
            redirect.addFlashAttribute("reasonDraft", reason);
        }
        redirect.addAttribute("page", Math.max(1, page));
        return "redirect:/review";
    }
}
