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
     * Refuses with TikTok's quota code when too few places are left now, without taking any: a
     * request is told about the quota before anything else, while {@link #take} decides.
     */
    void check(long advertiserId, int count) {
        int remaining = remaining(advertiserId);
        if (count > remaining) {
            throw reached(remaining, count);
        }
    }

    /**
     * Takes places for new Spark Ads, or refuses with TikTok's quota code when too few are left.
     * The account's row stays locked until the transaction ends.
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
            throw reached(remaining(advertiserId), count);
        }
    }

    private Refusal reached(int remaining, int count) {
        return new Refusal(
                Refusal.Kind.QUOTA_REACHED,
                "This ad account has reached its limit of "
                        + limit
                        + " Spark Ads: "
                        + remaining
                        + " place(s) left, "
                        + count
                        + " asked for; delete ads to free places");
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
}
