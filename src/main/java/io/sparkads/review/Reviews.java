package io.sparkads.review;

import io.sparkads.campaigns.AdSubmittedForReview;
import io.sparkads.campaigns.Ads;
import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
                            rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                            rs.getString("decided_by"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Ads ads;

    Reviews(JdbcClient jdbc, Clock clock, Ads ads) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ads = ads;
    }

    @ApplicationModuleListener
    void on(AdSubmittedForReview event) {
        jdbc.sql(
                        """
                        insert into reviews (id, ad_id, advertiser_id, status, submitted_at) values (?, ?, ?, 'PENDING', ?)
                        on conflict (ad_id) do update set status = 'PENDING', reason = null, decided_at = null,
                            decided_by = null, submitted_at = excluded.submitted_at
                        """)
                .params(Ids.next(), event.adId(), event.advertiserId(), Timestamp.from(clock.instant()))
                .update();
    }

    public List<Review> list(Review.Status status, PageRequest page) {
        return jdbc.sql("select * from reviews where (:any or status = :status) order by submitted_at, id limit :limit offset :offset")
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

    /** Approves or rejects a pending review; a rejection needs a reason the advertiser can act on. */
    @Transactional
    public Review decide(long reviewId, Review.Decision decision, String reason, String reviewer) {
        if (decision == null) {
            throw Refusal.invalid("decision is required: APPROVE or REJECT");
        }
        String trimmed = reason == null ? null : reason.strip();
        if (decision == Review.Decision.REJECT && (trimmed == null || trimmed.isEmpty())) {
            throw Refusal.invalid("reason is required when rejecting: tell the advertiser what to change");
        }
        if (trimmed != null && trimmed.length() > 1000) {
            throw Refusal.invalid("reason must be at most 1000 characters");
        }
        Review review = find(reviewId).orElseThrow(() -> Refusal.notFound("No review with id " + reviewId));
        if (review.status() != Review.Status.PENDING) {
            throw Refusal.conflict("Review " + reviewId + " was already decided: " + review.status());
        }
        Instant now = clock.instant();
        boolean approved = decision == Review.Decision.APPROVE;
        jdbc.sql("update reviews set status = ?, reason = ?, decided_at = ?, decided_by = ? where id = ?")
                .params(approved ? "APPROVED" : "REJECTED", trimmed, Timestamp.from(now), reviewer, reviewId)
                .update();
        ads.recordReview(review.adId(), approved, trimmed);
        return find(reviewId).orElseThrow();
    }
}
