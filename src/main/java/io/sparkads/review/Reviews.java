package io.sparkads.review;

import io.sparkads.campaigns.AdReviews;
import io.sparkads.campaigns.AdsSubmittedForReview;
import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
     * Queues the ads after their automatic checks, one request's ads in one job: a failed check
     * rejects the ad with that reason; with auto-approval on, an ad that passes every check is
     * approved without waiting for a person (one that needs a look still waits).
     */
    @ApplicationModuleListener
    void on(AdsSubmittedForReview event) {
        Map<Long, List<CheckResult>> checked = checks.run(event.adIds());
        if (checked.isEmpty()) {
            return;
        }
        Map<Long, Long> reviewIds = queue(event.advertiserId(), checked);
        List<Verdict> verdicts = new ArrayList<>();
        checked.forEach(
                (adId, results) -> {
                    List<String> failures =
                            results.stream()
                                    .filter(CheckResult::failed)
                                    .map(CheckResult::reason)
                                    .toList();
                    if (!failures.isEmpty()) {
                        verdicts.add(
                                new Verdict(
                                        reviewIds.get(adId),
                                        Review.Decision.REJECT,
                                        "Automatic checks failed: " + String.join("; ", failures)));
                    } else if (autoApprove && results.stream().allMatch(CheckResult::passed)) {
                        verdicts.add(
                                new Verdict(reviewIds.get(adId), Review.Decision.APPROVE, null));
                    }
                });
        if (!verdicts.isEmpty()) {
            record(verdicts, AUTOMATIC);
        }
    }

    /** A decision on one review, checked already; a rejection carries its reason. */
    private record Verdict(long reviewId, Review.Decision decision, String reason) {}

    /** Puts the checked ads in the queue, a resubmitted one back in it; answers the review ids. */
    private Map<Long, Long> queue(long advertiserId, Map<Long, List<CheckResult>> checked) {
        int n = checked.size();
        Long[] ids = new Long[n];
        Long[] adIds = checked.keySet().toArray(Long[]::new);
        String[] results = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = Ids.next();
            results[i] = JSON.writeValueAsString(checked.get(adIds[i]));
        }
        Map<Long, Long> reviewIds = new HashMap<>();
        jdbc.sql(
                        """
                        insert into reviews (id, ad_id, advertiser_id, status, submitted_at, checks)
                        select r.id, r.ad_id, :advertiser, 'PENDING', :now, r.checks
                        from unnest(:ids::bigint[], :ads::bigint[], :checks::text[]) as r(id, ad_id, checks)
                        on conflict (ad_id) do update set status = 'PENDING', reason = null, decided_at = null,
                            decided_by = null, submitted_at = excluded.submitted_at, checks = excluded.checks
                        returning id, ad_id
                        """)
                .param("advertiser", advertiserId)
                .param("now", Timestamp.from(clock.instant()))
                .param("ids", ids)
                .param("ads", adIds)
                .param("checks", results)
                .query(
                        rs -> {
                            reviewIds.put(rs.getLong("ad_id"), rs.getLong("id"));
                        });
        return reviewIds;
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
        return record(List.of(new Verdict(reviewId, decision, trimmed)), reviewer).get(0);
    }

    /**
     * Writes decisions on pending reviews, all or none, with their outcome on the ads and in the
     * {@link ReviewHistory}; answers the decided reviews.
     */
    private List<Review> record(List<Verdict> verdicts, String reviewer) {
        int n = verdicts.size();
        Long[] ids = new Long[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Verdict verdict = verdicts.get(i);
            ids[i] = verdict.reviewId();
            statuses[i] = verdict.decision() == Review.Decision.APPROVE ? "APPROVED" : "REJECTED";
            reasons[i] = verdict.reason();
        }
        List<Review> decided =
                jdbc.sql(
                                """
                                update reviews r set status = d.status, reason = d.reason, decided_at = :now, decided_by = :reviewer
                                from unnest(:ids::bigint[], :statuses::text[], :reasons::text[]) as d(id, status, reason)
                                where r.id = d.id and r.status = 'PENDING'
                                returning r.*
                                """)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("reviewer", reviewer)
                        .param("ids", ids)
                        .param("statuses", statuses)
                        .param("reasons", reasons)
                        .query(ROW)
                        .list();
        if (decided.size() < n) {
            Set<Long> done = decided.stream().map(Review::id).collect(Collectors.toSet());
            long missed =
                    Arrays.stream(ids).filter(id -> !done.contains(id)).findFirst().orElseThrow();
            throw Refusal.conflict("Review " + missed + " was just decided by someone else");
        }
        adReviews.record(
                decided.stream()
                        .map(
                                r ->
                                        new AdReviews.Outcome(
                                                r.adId(),
                                                r.status() == Review.Status.APPROVED,
                                                r.reason()))
                        .toList());
        history.record(decided, AUTOMATIC.equals(reviewer));
        return decided;
    }
}
