package io.sparkads.reporting;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * The sums a report row is computed from: every paid counter, the spend, and the reach (distinct
 * viewers) over the row's range.
 */
public final class ReportTotals {
    private final Map<PaidMetric, Long> counts = new EnumMap<>(PaidMetric.class);
    private BigDecimal spend = BigDecimal.ZERO;
    private long reach;

    public ReportTotals count(PaidMetric metric, long value) {
        counts.put(metric, value);
        return this;
    }

    public ReportTotals spend(BigDecimal value) {
        spend = value == null ? BigDecimal.ZERO : value;
        return this;
    }

    public ReportTotals reach(long value) {
        reach = value;
        return this;
    }

    public long count(PaidMetric metric) {
        return counts.getOrDefault(metric, 0L);
    }

    public BigDecimal spend() {
        return spend;
    }

    public long reach() {
        return reach;
    }
}
