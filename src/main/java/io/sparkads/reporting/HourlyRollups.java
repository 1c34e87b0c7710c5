package io.sparkads.reporting;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Folds paid events into hourly rollups, inside the transaction that accepts the events. */
@Service
public class HourlyRollups {
    private static final String UPSERT;

    static {
        String columns =
                java.util.Arrays.stream(PaidMetric.values())
                        .map(PaidMetric::column)
                        .collect(Collectors.joining(", "));
        String placeholders =
                java.util.Arrays.stream(PaidMetric.values())
                        .map(m -> "?")
                        .collect(Collectors.joining(", "));
        String increments =
                java.util.Arrays.stream(PaidMetric.values())
                        .map(
                                m ->
                                        m.column()
                                                + " = hourly_rollups."
                                                + m.column()
                                                + " + excluded."
                                                + m.column())
                        .collect(Collectors.joining(", "));
        UPSERT =
                "insert into hourly_rollups (ad_id, hour, advertiser_id, campaign_id, adgroup_id, item_id, spark, "
                        + columns
                        + ", spend) values (?, ?, ?, ?, ?, ?, ?, "
                        + placeholders
                        + ", ?) "
                        + "on conflict (ad_id, hour) do update set "
                        + increments
                        + ", spend = hourly_rollups.spend + excluded.spend";
    }

    private final JdbcTemplate jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    HourlyRollups(JdbcTemplate jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Adds the deltas; rows are written in key order so concurrent batches cannot deadlock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(Collection<RollupDelta> deltas) {
        List<RollupDelta> ordered = new ArrayList<>(deltas);
        ordered.sort(Comparator.comparingLong(RollupDelta::adId).thenComparing(RollupDelta::hour));
        List<Object[]> rows = new ArrayList<>(ordered.size());
        for (RollupDelta d : ordered) {
            List<Object> row = new ArrayList<>();
            row.add(d.adId());
            row.add(Timestamp.from(d.hour()));
            row.add(d.advertiserId());
            row.add(d.campaignId());
            row.add(d.adgroupId());
            row.add(d.itemId());
            row.add(d.spark());
            for (PaidMetric metric : PaidMetric.values()) {
                row.add(d.count(metric));
            }
            row.add(d.spend());
            rows.add(row.toArray());
        }
        jdbc.batchUpdate(UPSERT, rows);
        java.util.Set<Long> spending = new java.util.HashSet<>();
        ordered.stream().filter(d -> d.spend().signum() > 0).forEach(d -> spending.add(d.adId()));
        if (!spending.isEmpty()) {
            events.publishEvent(new RollupsChanged(spending));
        }
    }
}
