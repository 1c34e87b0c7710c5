package io.sparkads.review;

import io.sparkads.accounts.Advertiser;
import io.sparkads.accounts.Advertisers;
import io.sparkads.campaigns.Ad;
import io.sparkads.campaigns.Ads;
import io.sparkads.common.Ids;
import io.sparkads.common.PageRequest;
import io.sparkads.common.Refusal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Every review decision, newest first, searchable by decision, reviewer, name and day (UTC). */
@Service
public class ReviewHistory {
    /** The longest search text; a longer one is refused rather than cut. */
    public static final int MAX_TEXT = 100;

    private static final RowMapper<ReviewDecision> ROW =
            (rs, n) ->
                    new ReviewDecision(
                            rs.getLong("id"),
                            rs.getLong("review_id"),
                            rs.getLong("ad_id"),
                            rs.getLong("advertiser_id"),
                            rs.getString("ad_name"),
                            rs.getString("advertiser_name"),
                            Review.Status.valueOf(rs.getString("decision")),
                            rs.getString("reason"),
                            rs.getTimestamp("decided_at").toInstant(),
                            rs.getString("decided_by"),
                            rs.getBoolean("automatic"));

    private static final String WHERE =
            """
            where (:anyDecision or decision = :decision)
              and (:anyReviewer or decided_by = :reviewer)
              and (:anyText or lower(coalesce(ad_name, '')) like :text escape '\\'
                            or lower(coalesce(advertiser_name, '')) like :text escape '\\')
              and (:anyFrom or decided_at >= :from)
              and (:anyTo or decided_at < :to)
            """;

    private final JdbcClient jdbc;
    private final Ads ads;
    private final Advertisers advertisers;

    ReviewHistory(JdbcClient jdbc, Ads ads, Advertisers advertisers) {
        this.jdbc = jdbc;
        this.ads = ads;
        this.advertisers = advertisers;
    }

    /**
     * What to show of the history; every part may be left out ({@code null}, or blank text).
     *
     * @param decision {@code APPROVED} or {@code REJECTED}
     * @param reviewer who decided, as stored ({@link Reviews#AUTOMATIC} for the automatic checks)
     * @param text part of the ad's or the ad account's name, in any case
     * @param from the first day (UTC) to show
     * @param to the last day (UTC) to show
     */
    public record Filter(
            Review.Status decision, String reviewer, String text, LocalDate from, LocalDate to) {
        public static final Filter ALL = new Filter(null, null, null, null, null);

        public Filter {
            if (decision == Review.Status.PENDING) {
                throw Refusal.invalid("Decision must be Approved or Rejected");
            }
            reviewer = reviewer == null || reviewer.isBlank() ? null : reviewer.strip();
            text = text == null || text.isBlank() ? null : text.strip();
            if (text != null && text.length() > MAX_TEXT) {
                throw Refusal.invalid("Search text must be at most " + MAX_TEXT + " characters");
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw Refusal.invalid("The first day must not be after the last day");
            }
        }
    }

    public List<ReviewDecision> find(Filter filter, PageRequest page) {
        return params(
                        jdbc.sql(
                                "select * from review_decisions "
                                        + WHERE
                                        + " order by decided_at desc, id desc limit :limit offset :offset"),
                        filter)
                .param("limit", page.pageSize())
                .param("offset", page.offset())
                .query(ROW)
                .list();
    }

    public long count(Filter filter) {
        return params(jdbc.sql("select count(*) from review_decisions " + WHERE), filter)
                .query(Long.class)
                .single();
    }

    /** Everyone who has decided a review, for the reviewer filter. */
    public List<String> reviewers() {
        return jdbc.sql("select distinct decided_by from review_decisions order by decided_by")
                .query(String.class)
                .list();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, Filter f) {
        return sql.param("anyDecision", f.decision() == null)
                .param("decision", f.decision() == null ? "" : f.decision().name())
                .param("anyReviewer", f.reviewer() == null)
                .param("reviewer", f.reviewer() == null ? "" : f.reviewer())
                .param("anyText", f.text() == null)
                .param("text", f.text() == null ? "" : "%" + likeEscaped(f.text()) + "%")
                .param("anyFrom", f.from() == null)
                .param("from", startOf(f.from() == null ? LocalDate.EPOCH : f.from()))
                .param("anyTo", f.to() == null)
                .param("to", startOf(f.to() == null ? LocalDate.EPOCH : f.to().plusDays(1)));
    }

    private static String likeEscaped(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Keeps decisions just taken, with the ads' and ad accounts' names as they are now. */
    void record(List<Review> decided, boolean automatic) {
        Map<Long, String> adNames = new HashMap<>();
        ads.findAll(decided.stream().map(Review::adId).toList())
                .forEach(ad -> adNames.put(ad.id(), ad.adName()));
        Map<Long, String> advertiserNames = new HashMap<>();
        int n = decided.size();
        Long[] ids = new Long[n];
        Long[] reviewIds = new Long[n];
        Long[] adIds = new Long[n];
        Long[] advertiserIds = new Long[n];
        String[] names = new String[n];
        String[] accountNames = new String[n];
        String[] decisions = new String[n];
        String[] reasons = new String[n];
        String[] decidedAt = new String[n];
        String[] deciders = new String[n];
        for (int i = 0; i < n; i++) {
            Review review = decided.get(i);
            ids[i] = Ids.next();
            reviewIds[i] = review.id();
            adIds[i] = review.adId();
            advertiserIds[i] = review.advertiserId();
            names[i] = adNames.get(review.adId());
            accountNames[i] =
                    advertiserNames.computeIfAbsent(review.advertiserId(), this::advertiserName);
            decisions[i] = review.status().name();
            reasons[i] = review.reason();
            decidedAt[i] = review.decidedAt().toString();
            deciders[i] = review.decidedBy();
        }
        jdbc.sql(
                        """
                        insert into review_decisions (id, review_id, ad_id, advertiser_id, ad_name, advertiser_name,
                            decision, reason, decided_at, decided_by, automatic)
                        select d.*, :automatic
                        from unnest(:ids::bigint[], :reviews::bigint[], :ads::bigint[], :advertisers::bigint[],
                                    :names::text[], :accountNames::text[], :decisions::text[], :reasons::text[],
                                    :decidedAt::timestamptz[], :deciders::text[])
                             as d(id, review_id, ad_id, advertiser_id, ad_name, advertiser_name, decision, reason,
                                  decided_at, decided_by)
                        """)
                .param("automatic", automatic)
                .param("ids", ids)
                .param("reviews", reviewIds)
                .param("ads", adIds)
                .param("advertisers", advertiserIds)
                .param("names", names)
                .param("accountNames", accountNames)
                .param("decisions", decisions)
                .param("reasons", reasons)
                .param("decidedAt", decidedAt)
                .param("deciders", deciders)
                .update();
    }

    /** Names the decisions kept before the history had names (migration V520). */
    @EventListener(ApplicationReadyEvent.class)
    void nameEarlierDecisions() {
        record Unnamed(long id, long adId, long advertiserId) {}
        List<Unnamed> unnamed =
                jdbc.sql(
                                "select id, ad_id, advertiser_id from review_decisions where ad_name is null and advertiser_name is null")
                        .query(
                                (rs, n) ->
                                        new Unnamed(
                                                rs.getLong("id"),
                                                rs.getLong("ad_id"),
                                                rs.getLong("advertiser_id")))
                        .list();
        for (Unnamed u : unnamed) {
            jdbc.sql("update review_decisions set ad_name = ?, advertiser_name = ? where id = ?")
                    .params(adName(u.adId()), advertiserName(u.advertiserId()), u.id())
                    .update();
        }
    }

    private String adName(long adId) {
        return ads.find(adId).map(Ad::adName).orElse(null);
    }

    private String advertiserName(long advertiserId) {
        return advertisers.find(advertiserId).map(Advertiser::name).orElse(null);
    }
}
