package io.sparkads.authorization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The Spark-ready score of a post: how well it does organically, judged against the ad account's
 * other Spark-available posts. Plain Java, no database.
 *
 * <pre>
 * score = 100 × (0.35·V + 0.20·L + 0.30·E + 0.15·G), rounded to one decimal, 0–100
 *   V  views against the ad account's median:  min(1, log2(1 + views / max(median, 1)) / log2(5))
 *        (the median post scores 0.43, four times the median or more scores 1)
 *   L  likes:                                  min(1, log10(1 + likes) / 4)   (10,000 likes score 1)
 *   E  engagement rate (likes + comments + shares) / views, against 10 %, trusted from 100 views:
 *                                              min(1, rate / 0.10) × min(1, views / 100)
 *   G  growth, organic views of the last 7 days against the 7 before:
 *                                              clamp(0.5 + log2((last7 + 1) / (before7 + 1)) / 4, 0, 1)
 *        (flat scores 0.5, four times the week before or more scores 1)
 *
 * with the completion rate measured (at least one organic play on a day whose completions were counted):
 * score = 100 × (0.85·(0.35·V + 0.20·L + 0.30·E + 0.15·G) + 0.15·C)
 *   C  completion rate, organic plays watched to the end ÷ organic plays, against 50 %, trusted from
 *      100 plays:                              min(1, completions / plays / 0.50) × min(1, plays / 100)
 * </pre>
 *
 * All counts are organic, never paid. A post whose plays were never measured for completion (they
 * all came before completions were counted) keeps the score without C, so it is not marked down.
 *
 * <p>Reasons: "2.1× your median views" (or "no organic views yet"), "engagement 7.4%" when it has
 * views, "1.2K likes" from 100 likes, "rising this week" when the last 7 days have at least 10
 * views and 1.5 times the week before, "slowing this week" when they have at most half of a week
 * before of at least 10 views, "82% watch to the end" from 10 measured plays.
 */
public final class SparkReadiness {
    static final double VIEWS_WEIGHT = 0.35;
    static final double LIKES_WEIGHT = 0.20;
    static final double ENGAGEMENT_WEIGHT = 0.30;
    static final double GROWTH_WEIGHT = 0.15;
    static final double COMPLETION_WEIGHT = 0.15;

    /** Half of the plays watched to the end is as good as it gets. */
    static final double FULL_COMPLETION_RATE = 0.50;

    /** From this many measured plays a completion rate is named among the reasons. */
    static final long NAMED_COMPLETION_PLAYS = 10;

    /** An engagement rate of 10 % or more is as good as it gets. */
    static final double FULL_ENGAGEMENT_RATE = 0.10;

    /** Below this many views an engagement rate says little, so it counts less. */
    static final long TRUSTED_VIEWS = 100;

    /** Weekly views below this are too few to call a trend. */
    static final long TREND_VIEWS = 10;

    private SparkReadiness() {}

    /**
     * A post's organic counts, lifetime and for the last two weeks; and its organic plays measured
     * for completion with how many of them were watched to the end.
     */
    public record Traction(
            long views,
            long likes,
            long comments,
            long shares,
            long viewsLastSevenDays,
            long viewsSevenDaysBefore,
            long measuredPlays,
            long completions) {
        /** Counts of a post whose plays were not measured for completion. */
        public Traction(
                long views,
                long likes,
                long comments,
                long shares,
                long viewsLastSevenDays,
                long viewsSevenDaysBefore) {
            this(views, likes, comments, shares, viewsLastSevenDays, viewsSevenDaysBefore, 0, 0);
        }
    }

    /** The post's score and reasons, against the median organic views of the ad account. */
    public static Recommendation score(Traction t, double medianViews) {
        double ratio = t.views() / Math.max(medianViews, 1);
        double v = Math.min(1, log2(1 + ratio) / log2(5));
        double l = Math.min(1, Math.log10(1 + t.likes()) / 4);
        double rate = engagementRate(t);
        double e =
                Math.min(1, rate / FULL_ENGAGEMENT_RATE)
                        * Math.min(1, t.views() / (double) TRUSTED_VIEWS);
        double growth = (t.viewsLastSevenDays() + 1.0) / (t.viewsSevenDaysBefore() + 1.0);
        double g = Math.max(0, Math.min(1, 0.5 + log2(growth) / 4));
        double traction =
                VIEWS_WEIGHT * v + LIKES_WEIGHT * l + ENGAGEMENT_WEIGHT * e + GROWTH_WEIGHT * g;
        double score = 100 * traction;
        if (t.measuredPlays() > 0) {
            double c =
                    Math.min(1, completionRate(t) / FULL_COMPLETION_RATE)
                            * Math.min(1, t.measuredPlays() / (double) TRUSTED_VIEWS);
            score = 100 * ((1 - COMPLETION_WEIGHT) * traction + COMPLETION_WEIGHT * c);
        }
        return new Recommendation(Math.round(score * 10) / 10.0, reasons(t, ratio, rate));
    }

    /** Organic plays watched to the end ÷ organic plays measured for it; 0 without any. */
    static double completionRate(Traction t) {
        return t.measuredPlays() == 0
                ? 0
                : Math.min(1, t.completions() / (double) t.measuredPlays());
    }

    /** (likes + comments + shares) ÷ organic views; 0 without views. */
    static double engagementRate(Traction t) {
        return t.views() == 0 ? 0 : (t.likes() + t.comments() + t.shares()) / (double) t.views();
    }

    /** The middle of the views (the mean of the two middle ones for an even count); 0 for none. */
    public static double median(Collection<Long> views) {
        if (views.isEmpty()) {
            return 0;
        }
        long[] sorted = views.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    private static List<String> reasons(Traction t, double ratio, double rate) {
        List<String> reasons = new ArrayList<>();
        if (t.views() == 0) {
            reasons.add("no organic views yet");
        } else {
            reasons.add(times(ratio) + " your median views");
            reasons.add("engagement " + String.format(Locale.ROOT, "%.1f%%", rate * 100));
        }
        if (t.measuredPlays() >= NAMED_COMPLETION_PLAYS) {
            reasons.add(
                    String.format(Locale.ROOT, "%.0f%%", completionRate(t) * 100)
                            + " watch to the end");
        }
        if (t.likes() >= 100) {
            reasons.add(compact(t.likes()) + " likes");
        }
        long last = t.viewsLastSevenDays();
        long before = t.viewsSevenDaysBefore();
        if (last >= TREND_VIEWS && last >= 1.5 * before) {
            reasons.add("rising this week");
        } else if (before >= TREND_VIEWS && last <= before / 2.0) {
            reasons.add("slowing this week");
        }
        return reasons;
    }

    /** "2.1×", "14×": one decimal below ten. */
    static String times(double ratio) {
        return ratio >= 10
                ? String.format(Locale.ROOT, "%.0f×", ratio)
                : String.format(Locale.ROOT, "%.1f×", ratio);
    }

    /** "350", "1.2K", "3.4M". */
    static String compact(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
        }
        if (n >= 1_000) {
            return String.format(Locale.ROOT, "%.1fK", n / 1_000.0);
        }
        return String.valueOf(n);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
