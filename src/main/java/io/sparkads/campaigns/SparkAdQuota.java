package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At most so many non-deleted Spark Ads per ad account. The count lives in one row per account and
 * moves only while it stays within the limit, under that row's lock, so concurrent creations can
 * never pass it; deleting an ad gives its place back.
 */
@Component
public class SparkAdQuota {
    private final JdbcClient jdbc;
    private final int limit;

    SparkAdQuota(
            JdbcClient jdbc,
            @Value("${sparkads.campaigns.spark-ads-per-account:10000}") int limit) {
        this.jdbc = jdbc;
        this.limit = limit;
    }

    /**
     * Takes places for new Spark Ads, or refuses with TikTok's quota code when too few are left.
     */
    void take(long advertiserId, int count) {
        int taken =
                count > limit
                        ? 0
                        : jdbc.sql(
                                        """
                                        insert into spark_ad_quota (advertiser_id, spark_ads) values (:advertiser, :count)
                                        on conflict (advertiser_id) do update set spark_ads = spark_ad_quota.spark_ads + :count
                                        where spark_ad_quota.spark_ads + :count <= :limit
                                        """)
                                .param("advertiser", advertiserId)
                                .param("count", count)
                                .param("limit", limit)
                                .update();
        if (taken == 0) {
            throw new Refusal(
                    Refusal.Kind.QUOTA_REACHED,
                    "This ad account has reached its limit of "
                            + limit
                            + " Spark Ads: "
                            + remaining(advertiserId)
                            + " place(s) left, "
                            + count
                            + " asked for; delete ads to free places");
        }
    }

    void release(long advertiserId, int count) {
        if (count > 0) {
            jdbc.sql("update spark_ad_quota set spark_ads = spark_ads - ? where advertiser_id = ?")
                    .params(count, advertiserId)
                    .update();
        }
    }

    /** How many more Spark Ads the ad account may create. */
    public int remaining(long advertiserId) {
        int used =
                jdbc.sql("select spark_ads from spark_ad_quota where advertiser_id = ?")
                        .param(advertiserId)
                        .query(Integer.class)
                        .optional()
                        .orElse(0);
        return Math.max(0, limit - used);
    }

    public int limit() {
        return limit;
    }

    /**
     * Deletes the ads matching the condition (on table {@code ads}) and frees their places; returns
     * their ids.
     */
    java.util.Set<Long> deleteAds(
            long advertiserId,
            String condition,
            java.util.Map<String, ?> params,
            java.time.Instant now) {
        java.util.List<Object[]> deleted =
                jdbc.sql(
                                "update ads set operation_status = 'DELETE', modify_time = :now where advertiser_id = :advertiser and operation_status <> 'DELETE' and ("
                                        + condition
                                        + ") returning id, is_spark")
                        .params(params)
                        .param("now", java.sql.Timestamp.from(now))
                        .param("advertiser", advertiserId)
                        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBoolean(2)})
                        .list();
        release(advertiserId, (int) deleted.stream().filter(row -> (Boolean) row[1]).count());
        java.util.Set<Long> ids = new java.util.HashSet<>();
        deleted.forEach(row -> ids.add((Long) row[0]));
        return ids;
    }
}
