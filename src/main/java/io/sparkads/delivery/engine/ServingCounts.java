package io.sparkads.delivery.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the places that frequency caps and TopView reservations hand out are counted. {@link
 * ServingRules} asks it only for ad groups that have such a limit, when an ad is about to be
 * served; its answer is the truth (in memory for one process, or a database shared by every server
 * and kept across restarts).
 */
public interface ServingCounts {

    /**
     * Takes one place for the viewer, all or nothing: within the frequency cap (fewer than {@code
     * frequency} places in the {@code frequencyWindow} up to {@code now}), and for a daily
     * reservation once for the viewer on {@code day} and below {@code dailyLimit} places that day.
     */
    Taken take(long adgroupId, String viewerId, Limits limits, Instant now);

    /** Forgets places that no limit can look at any more as of {@code now}. */
    void forgetOld(Instant now);

    /**
     * While a viewer with the places {@code servedAt} (oldest first, all within the window) is at
     * the cap of {@code frequency}, when the place that holds the cap leaves the window; {@code
     * null} when the viewer is below the cap.
     */
    static Instant frequencyFreeAt(List<Instant> servedAt, int frequency, Duration window) {
        return servedAt.size() < frequency
                ? null
                : servedAt.get(servedAt.size() - frequency).plus(window);
    }

    /**
     * The limits of one ad group for one serve; {@code null} fields do not apply.
     *
     * @param day the day of the serve in the ad account's time zone, for {@code dailyLimit}
     */
    record Limits(Integer frequency, Duration frequencyWindow, Integer dailyLimit, LocalDate day) {
        public Limits {
            if ((frequency == null) != (frequencyWindow == null)) {
                throw new IllegalArgumentException("frequency and frequencyWindow go together");
            }
            if ((dailyLimit == null) != (day == null)) {
                throw new IllegalArgumentException("dailyLimit and day go together");
            }
        }
    }

    /**
     * Whether the place was taken, and what the counts said about the next request (after this
     * place, if taken), so a server can skip asking while the answer is certain.
     *
     * @param dayFull the day's reservation has no place left
     * @param seenToday the viewer had (or now has) the day's reservation
     * @param frequencyFreeAt while the viewer is at the frequency cap, when the oldest counted
     *     place leaves the window; {@code null} when the viewer is below it
     */
    record Taken(boolean taken, boolean dayFull, boolean seenToday, Instant frequencyFreeAt) {}
}
