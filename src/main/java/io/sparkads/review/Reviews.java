package io.sparkads.review;

import io.sparkads.campaigns.AdReviews;
import io.sparkads.campaigns.AdSubmittedForReview;
import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The review queue and its decisions. */
@Service
public class Reviews {
    private static final RowMapper<Review> ROW =
            (rs, n) ->
                    new Review(
                            rs.getLong("id"),
                            rs.getLong("ad_id"),
                            rs.getLong("advertiser_id"),
                            Review.Status.valueOf(rs.getString("status")),
                            rs.getString("reason"),
                            rs.getTimestamp("submitted_at").toInstant(),
                            rs.getTimestamp("decided_at") == null
                                    ? null
                                    : rs.getTimestamp("decided_at").toInstant(),
                            rs.getString("decided_by"),
                            readChecks(rs.getString("checks")));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Who decided, for a decision the automatic checks took. */
    public static final String AUTOMATIC = "automatic checks";

    /** Who decided, for a decision taken through the admin API. */
    public static final String ADMIN_API = "admin-api";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AdReviews adReviews;
    private final AutomaticChecks checks;
    private final ReviewHistory history;
    private final boolean autoApprove;

    Reviews(
            JdbcClient jdbc,
            Clock clock,
            AdReviews adReviews,
            AutomaticChecks checks,
            ReviewHistory history,
            @Value("${sparkads.review.auto-approve:false}") boolean autoApprove) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.adReviews = adReviews;
        this.checks = checks;
        this.history = history;
        this.autoApprove = autoApprove;
    }

    /**
     * Queues the ad after its automatic checks: a failed check rejects it with that reason; with
     * auto-approval on, an ad that passes every check is approved without waiting for a person (one
     * that needs a look still waits).
     */
    @ApplicationModuleListener
    void on(AdSubmittedForReview event) {
        Optional<List<CheckResult>> checked = checks.run(event.adId());
        if (checked.isEmpty()) {
            return;
        }
        List<CheckResult> results = checked.get();
        jdbc.sql(
                        """
                        insert into reviews (id, ad_id, advertiser_id, status, submitted_at, checks) values (?, ?, ?, 'PENDING', ?, ?)
                        on conflict (ad_id) do update set status = 'PENDING', reason = null, decided_at = null,
                            decided_by = null, submitted_at = excluded.submitted_at, checks = excluded.checks
                        """)
                .params(
                        Ids.next(),
                        event.adId(),
                        event.advertiserId(),
                        Timestamp.from(clock.instant()),
                        JSON.writeValueAsString(results))
                .update();
        long reviewId =
                jdbc.sql("select id from reviews where ad_id = ?")
                        .param(event.adId())
                        .query(Long.class)
                        .single();
        List<String> failures =
                results.stream().filter(CheckResult::failed).map(CheckResult::reason).toList();
        if (!failures.isEmpty()) {
            decide(
                    reviewId,
                    Review.Decision.REJECT,
                    "Automatic checks failed: " + String.join("; ", failures),
                    AUTOMATIC);
        } else if (autoApprove && results.stream().allMatch(CheckResult::passed)) {
            decide(reviewId, Review.Decision.APPROVE, null, AUTOMATIC);
        }
    }

    private static List<CheckResult> readChecks(String json) {
        return json == null ? List.of() : List.of(JSON.readValue(json, CheckResult[].class));
    }

    public List<Review> list(Review.Status status, PageRequest page) {
        return jdbc.sql(
                        "select * from reviews where (:any or status = :status) order by submitted_at, id limit :limit offset :offset")
                .param("any", status == null)
                .param("status", status == null ? "" : status.name())
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(ROW)
                .list();
    }

    public long count(Review.Status status) {
        return jdbc.sql("select count(*) from reviews where (:any or status = :status)")
                .param("any", status == null)
                .param("status", status == null ? "" : status.name())
                .query(Long.class)
                .single();
    }

    public Optional<Review> find(long reviewId) {
        return jdbc.sql("select * from reviews where id = ?").param(reviewId).query(ROW).optional();
    }

    /** The ad's review, with its automatic checks: the latest, as a resubmitted ad has one. */
    public Optional<Review> ofAd(long adId) {
        return jdbc.sql("select * from reviews where ad_id = ?").param(adId).query(ROW).optional();
    }

    /**
     * Approves or rejects a pending review; a rejection needs a reason the advertiser can act on.
     * The decision is kept in the {@link ReviewHistory} with who took it and when; of two people
     * deciding the same review at once, the second is told it was already decided.
     */
    @Transactional
    public Review decide(long reviewId, Review.Decision decision, String reason, String reviewer) {
        if (decision == null) {
            throw Refusal.invalid("decision is required: APPROVE or REJECT");
        }
        String trimmed = reason == null ? null : reason.strip();
        if (decision == Review.Decision.REJECT && (trimmed == null || trimmed.isEmpty())) {
            throw Refusal.invalid(
                    "reason is required when rejecting: tell the advertiser what to change");
        }
        if (trimmed != null && trimmed.length() > 1000) {
            throw Refusal.invalid("reason must be at most 1000 characters");
        }
        Review review =
                find(reviewId).orElseThrow(() -> Refusal.notFound("No review with id " + reviewId));
        if (review.status() != Review.Status.PENDING) {
            throw Refusal.conflict(
                    "Review " + reviewId + " was already decided: " + review.status());
        }
        Instant now = clock.instant();
        boolean approved = decision == Review.Decision.APPROVE;
        int updated =
                jdbc.sql(
                                "update reviews set status = ?, reason = ?, decided_at = ?, decided_by = ? where id = ? and status = 'PENDING'")
                        .params(
                                approved ? "APPROVED" : "REJECTED",
                                trimmed,
                                Timestamp.from(now),
                                reviewer,
                                reviewId)
                        .update();
        if (updated == 0) {
            throw Refusal.conflict("Review " + reviewId + " was just decided by someone else");
        }
        adReviews.record(review.adId(), approved, trimmed);
        Review decided = find(reviewId).orElseThrow();
        history.record(decided, AUTOMATIC.equals(reviewer));
        return decided;
    }
}
