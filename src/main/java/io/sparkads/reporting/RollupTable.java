package io.sparkads.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rollup table and the one statement that adds to it: rows keyed by some columns, with columns
 * that the key decides (an ad's campaign, say) and, unless it only records presence, a counter per
 * paid metric and the spend. A batch is written in one {@code insert … select from unnest(…) on
 * conflict do update}, in key order, so that concurrent batches cannot deadlock. Plain Java, so the
 * benchmark loads data through exactly this code.
 */
final class RollupTable {
    private static final PaidMetric[] METRICS = PaidMetric.values();

    record Column(String name, String type) {}

    /** An ad's account, campaign, ad group and whether it is a Spark ad: what its id decides. */
    private static final List<Column> AD_PARENTS =
            List.of(
                    col("advertiser_id", "bigint"),
                    col("campaign_id", "bigint"),
                    col("adgroup_id", "bigint"),
                    col("spark", "boolean"));

    /**
     * Per ad and hour; the item (the Spark ad's post) may be {@code null}. A value list is the ad,
     * the hour, the {@link #AD_PARENTS} and the item.
     */
    static final RollupTable HOURLY =
            new RollupTable(
                    "hourly_rollups",
                    List.of(col("ad_id", "bigint"), col("hour", "timestamptz")),
                    Stream.concat(AD_PARENTS.stream(), Stream.of(col("item_id", "bigint")))
                            .toList(),
                    true);

    static final RollupTable DAILY_AD =
            new RollupTable(
                    "daily_ad_rollups",
                    List.of(col("ad_id", "bigint"), col("day", "date")),
                    AD_PARENTS,
                    true);

    /**
     * Per ad, its whole life. Each write also stamps the row with the transaction that made it
     * ({@code changed_xid}), so the rate feed can read only the ads that changed since it last
     * read.
     */
    static final RollupTable AD_TOTALS =
            new RollupTable(
                    "ad_outcome_totals", List.of(col("ad_id", "bigint")), AD_PARENTS, true, true);

    static final RollupTable DAILY_ADGROUP =
            new RollupTable(
                    "daily_adgroup_rollups",
                    List.of(
                            col("adgroup_id", "bigint"),
                            col("day", "date"),
                            col("spark", "boolean")),
                    List.of(col("advertiser_id", "bigint"), col("campaign_id", "bigint")),
                    true);
    static final RollupTable DAILY_CAMPAIGN =
            new RollupTable(
                    "daily_campaign_rollups",
                    List.of(
                            col("campaign_id", "bigint"),
                            col("day", "date"),
                            col("spark", "boolean")),
                    List.of(col("advertiser_id", "bigint")),
                    true);
    static final RollupTable DAILY_ADVERTISER =
            new RollupTable(
                    "daily_advertiser_rollups",
                    List.of(
                            col("advertiser_id", "bigint"),
                            col("day", "date"),
                            col("spark", "boolean")),
                    List.of(),
                    true);
    static final RollupTable AUDIENCE_DAILY =
            new RollupTable(
                    "audience_daily_rollups",
                    List.of(
                            col("ad_id", "bigint"),
                            col("day", "date"),
                            col("placement", "text"),
                            col("age", "text"),
                            col("gender", "text"),
                            col("country_code", "text")),
                    AD_PARENTS,
                    true);
    static final RollupTable REACH_VIEWERS =
            new RollupTable(
                    "reach_viewers",
                    List.of(
                            col("ad_id", "bigint"),
                            col("hour", "timestamptz"),
                            col("viewer_key", "bigint")),
                    AD_PARENTS,
                    false);

    private final List<Column> columns;
    private final boolean counted;
    private final String upsert;

    RollupTable(String name, List<Column> keys, List<Column> attributes, boolean counted) {
        this(name, keys, attributes, counted, false);
    }

    private RollupTable(
            String name,
            List<Column> keys,
            List<Column> attributes,
            boolean counted,
            boolean stampsChanges) {
        this.columns = Stream.concat(keys.stream(), attributes.stream()).toList();
        this.counted = counted;
        List<Column> all = new ArrayList<>(columns);
        if (counted) {
            for (PaidMetric metric : METRICS) {
                all.add(col(metric.column(), "bigint"));
            }
            all.add(col("spend", "numeric"));
        }
        String names = all.stream().map(Column::name).collect(Collectors.joining(", "));
        String arrays =
                all.stream().map(c -> "?::" + c.type() + "[]").collect(Collectors.joining(", "));
        String conflict =
                counted
                        ? "do update set "
                                + Stream.concat(
                                                Arrays.stream(METRICS).map(PaidMetric::column),
                                                Stream.of("spend"))
                                        .map(c -> c + " = " + name + "." + c + " + excluded." + c)
                                        .collect(Collectors.joining(", "))
                                + (stampsChanges ? ", changed_xid = pg_current_xact_id()" : "")
                        : "do nothing";
        this.upsert =
                "insert into "
                        + name
                        + " ("
                        + names
                        + ") select * from unnest("
                        + arrays
                        + ") on conflict ("
                        + keys.stream().map(Column::name).collect(Collectors.joining(", "))
                        + ") "
                        + conflict;
    }

    private static Column col(String name, String type) {
        return new Column(name, type);
    }

    Batch batch() {
        return new Batch();
    }

    /** Rows to add, summed by key in memory first: one statement may touch a row only once. */
    final class Batch {
        private final Map<List<Object>, Sums> rows = new TreeMap<>(RollupTable::compareKeys);

        /** Adds one event to the row of these key and attribute values. */
        void add(List<Object> values, PaidMetric metric, BigDecimal cost) {
            Sums sums = sums(values);
            sums.counts[metric.ordinal()]++;
            sums.spend = sums.spend.add(cost);
        }

        /** Records the row, for a table that only records presence. */
        void mark(List<Object> values) {
            sums(values);
        }

        /** Adds already summed counters (indexed by {@link PaidMetric#ordinal()}) to the row. */
        void addSums(List<Object> values, long[] counts, BigDecimal spend) {
            Sums sums = sums(values);
            for (int i = 0; i < counts.length; i++) {
                sums.counts[i] += counts[i];
            }
            sums.spend = sums.spend.add(spend);
        }

        /**
         * Adds every row of this batch, already summed, to the row of {@code into} that {@code key}
         * picks from its values.
         */
        void sumInto(Batch into, Function<List<Object>, List<Object>> key) {
            rows.forEach(
                    (values, sums) -> into.addSums(key.apply(values), sums.counts, sums.spend));
        }

        /** The key and attribute values of each row, in key order. */
        Set<List<Object>> rowValues() {
            return rows.keySet();
        }

        private Sums sums(List<Object> values) {
            if (values.size() != columns.size()) {
                throw new IllegalArgumentException(
                        "expected " + columns.size() + " values, got " + values.size());
            }
            return rows.computeIfAbsent(values, k -> new Sums());
        }

        void writeTo(JdbcTemplate jdbc) {
            if (rows.isEmpty()) {
                return;
            }
            int width = columns.size() + (counted ? METRICS.length + 1 : 0);
            String[][] arrays = new String[width][rows.size()];
            int r = 0;
            for (var row : rows.entrySet()) {
                int c = 0;
                for (Object value : row.getKey()) {
                    arrays[c++][r] = value == null ? null : String.valueOf(value);
                }
                if (counted) {
                    for (long count : row.getValue().counts) {
                        arrays[c++][r] = Long.toString(count);
                    }
                    arrays[c][r] = row.getValue().spend.toPlainString();
                }
                r++;
            }
            jdbc.update(upsert, (Object[]) arrays);
        }
    }

    private static final class Sums {
        final long[] counts = new long[METRICS.length];
        BigDecimal spend = BigDecimal.ZERO;
    }

    /** A value of a row; only an attribute (an ad's item) may be {@code null}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<Object> VALUE_ORDER =
            Comparator.nullsFirst((x, y) -> ((Comparable) x).compareTo(y));

    /** Key order, so that concurrent batches lock rows in the same order. */
    private static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = VALUE_ORDER.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
