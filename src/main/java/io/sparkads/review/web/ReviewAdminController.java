package io.sparkads.review.web;

import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.Ads;
import io.sparkads.common.PageRequest;
import io.sparkads.common.PathIds;
import io.sparkads.common.Refusal;
import io.sparkads.review.CheckResult;
import io.sparkads.review.Review;
import io.sparkads.review.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/v1/reviews")
@Tag(name = "Admin: ad review")
record ReviewAdminController(Reviews reviews, Ads ads) {
    /**
     * @param ad an {@link ReviewedAd}, or an empty object once the ad is deleted (the review stays)
     */
    record ReviewView(
            String reviewId,
            String adId,
            String advertiserId,
            Review.Status status,
            String reason,
            Instant submittedAt,
            Instant decidedAt,
            String decidedBy,
            List<CheckResult> checks,
            Object ad) {}

    /** What the reviewer looks at of the ad. */
    record ReviewedAd(
            String adName,
            String adText,
            String tiktokItemId,
            String identityId,
            String callToAction,
            String landingPageUrl,
            String secondaryStatus) {
        static ReviewedAd of(Ad a) {
            return new ReviewedAd(
                    a.adName(),
                    a.adText(),
                    a.tiktokItemId() == null ? null : String.valueOf(a.tiktokItemId()),
                    a.identityId(),
                    a.callToAction(),
                    a.landingPageUrl(),
                    a.secondaryStatus());
        }
    }

    record ReviewList(List<ReviewView> reviews, long total) {}

    @GetMapping
    @Operation(summary = "Reviews, oldest first; status PENDING, APPROVED or REJECTED")
    ReviewList list(
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "50") int pageSize) {
        Review.Status filter = parseStatus(status);
        PageRequest request;
        try {
            request = new PageRequest(page, pageSize);
        } catch (RuntimeException e) {
            throw Refusal.invalid(e.getMessage());
        }
        List<ReviewView> list = reviews.list(filter, request).stream().map(this::view).toList();
        return new ReviewList(list, reviews.count(filter));
    }

    record DecisionRequest(Review.Decision decision, String reason) {}

    @PostMapping("/{reviewId}/decision")
    @Operation(summary = "Approve, or reject with a reason the advertiser sees")
    ReviewView decide(@PathVariable String reviewId, @RequestBody DecisionRequest body) {
        return view(
                reviews.decide(
                        PathIds.require("review_id", reviewId),
                        body.decision(),
                        body.reason(),
                        Reviews.ADMIN_API));
    }

    private ReviewView view(Review r) {
        Object ad = ads.find(r.adId()).<Object>map(ReviewedAd::of).orElse(Map.of());
        return new ReviewView(
                String.valueOf(r.id()),
                String.valueOf(r.adId()),
                String.valueOf(r.advertiserId()),
                r.status(),
                r.reason(),
                r.submittedAt(),
                r.decidedAt(),
                r.decidedBy(),
                r.checks(),
                ad);
    }

    private static Review.Status parseStatus(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Review.Status.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(
                    "status must be PENDING, APPROVED or REJECTED; was '" + raw + "'");
        }
    }
}
