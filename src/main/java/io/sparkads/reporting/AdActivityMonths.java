package io.sparkads.reporting;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The days of each month on which an ad had paid traffic ({@code ad_activity_months}), so that an
 * ad-level report finds the ads with traffic in its range (and counts them exactly) from a few rows
 * per ad rather than every ad-day. Plain Java, so the benchmark loads through this statement.
 */
final class AdActivityMonths {
    /** Sets the batch's bits; a row whose bits are all set already is not written again. */
    private static final String UPSERT =
            "insert into ad_activity_months as m"
                    + " (advertiser_id, ad_id, month, campaign_id, adgroup_id, spark, days)"
                    + " select * from unnest(?::bigint[], ?::bigint[], ?::date[], ?::bigint[],"
                    + " ?::bigint[], ?::boolean[], ?::integer[])"
                    + " on conflict (advertiser_id, ad_id, month) do update"
                    + " set days = m.days | excluded.days"
                    + " where (m.days & excluded.days) <> excluded.days";

    private record Key(long advertiserId, long adId, LocalDate month) {}

    private record Ad(long campaignId, long adgroupId, boolean spark) {}

    private static final Comparator<Key> KEY_ORDER =
            Comparator.comparingLong(Key::advertiserId)
                    .thenComparingLong(Key::adId)
                    .thenComparing(Key::month);

    private AdActivityMonths() {}

    static Batch batch() {
        return new Batch();
    }

    /** The first of the day's month. */
    static LocalDate monthOf(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    /** The bits of the days from {@code first} to {@code last}, both in the same month. */
    static int daysMask(int first, int last) {
        long upTo = (1L << last) - 1;
        long before = (1L << (first - 1)) - 1;
        return (int) (upTo & ~before);
    }

    /** Rows to write, in key order so that concurrent batches cannot deadlock. */
    static final class Batch {
        private final Map<Key, int[]> days = new TreeMap<>(KEY_ORDER);
        private final Map<Key, Ad> ads = new TreeMap<>(KEY_ORDER);

        void add(
                long advertiserId,
                long adId,
                long campaignId,
                long adgroupId,
                boolean spark,
                LocalDate day) {
            Key key = new Key(advertiserId, adId, monthOf(day));
            days.computeIfAbsent(key, k -> new int[1])[0] |= 1 << (day.getDayOfMonth() - 1);
            ads.putIfAbsent(key, new Ad(campaignId, adgroupId, spark));
        }

        void writeTo(JdbcTemplate jdbc) {
            if (days.isEmpty()) {
                return;
            }
            int n = days.size();
            String[][] arrays = new String[7][n];
            int r = 0;
            for (var row : days.entrySet()) {
                Key key = row.getKey();
                Ad ad = ads.get(key);
                List<Object> values =
                        List.of(
                                key.advertiserId(),
                                key.adId(),
                                key.month(),
                                ad.campaignId(),
                                ad.adgroupId(),
                                ad.spark(),
                                row.getValue()[0]);
                for (int c = 0; c < values.size(); c++) {
                    arrays[c][r] = String.valueOf(values.get(c));
                }
                r++;
            }
            jdbc.update(UPSERT, (Object[]) arrays);
        }
    }
}
