package io.sparkads.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/** What a batch of paid events adds to one ad's hour. */
public final class RollupDelta {
    private final long adId;
    private final Instant hour;
    private final long advertiserId;
    private final long campaignId;
    private final long adgroupId;
    private final Long itemId;
    private final boolean spark;
    private final Map<PaidMetric, Long> counts = new EnumMap<>(PaidMetric.class);
    private BigDecimal spend = BigDecimal.ZERO;

    public RollupDelta(
            long adId,
            Instant at,
            long advertiserId,
            long campaignId,
            long adgroupId,
            Long itemId,
            boolean spark) {
        this.adId = adId;
        this.hour = at.truncatedTo(ChronoUnit.HOURS);
        this.advertiserId = advertiserId;
        this.campaignId = campaignId;
        this.adgroupId = adgroupId;
        this.itemId = itemId;
        this.spark = spark;
    }

    public RollupDelta add(PaidMetric metric, BigDecimal cost) {
        counts.merge(metric, 1L, Long::sum);
        spend = spend.add(cost);
        return this;
    }

    public long adId() {
        return adId;
    }

    public Instant hour() {
        return hour;
    }

    long advertiserId() {
        return advertiserId;
    }

    long campaignId() {
        return campaignId;
    }

    long adgroupId() {
        return adgroupId;
    }

    Long itemId() {
        return itemId;
    }

    boolean spark() {
        return spark;
    }

    long count(PaidMetric metric) {
        return counts.getOrDefault(metric, 0L);
    }

    BigDecimal spend() {
        return spend;
    }
}
