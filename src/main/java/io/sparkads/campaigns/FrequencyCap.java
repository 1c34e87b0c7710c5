package io.sparkads.campaigns;

import io.sparkads.common.Refusal;

/** At most {@code frequency} impressions per viewer every {@code days} days (1–1000, 1–30). */
public record FrequencyCap(int frequency, int days) {
    /** TopView's: once per viewer per day. */
    public static final FrequencyCap ONCE_A_DAY = new FrequencyCap(1, 1);

    public FrequencyCap {
        if (frequency < 1 || frequency > 1000) {
            throw Refusal.invalid("frequency must be between 1 and 1000");
        }
        if (days < 1 || days > 30) {
            throw Refusal.invalid("frequency_schedule must be between 1 and 30 days");
        }
    }

    /** The cap a request describes, {@code null} for none; the two numbers go together. */
    public static FrequencyCap of(Integer frequency, Integer days) {
        if ((frequency == null) != (days == null)) {
            throw Refusal.invalid(
                    "frequency and frequency_schedule go together: at most frequency impressions per viewer every frequency_schedule days");
        }
        return frequency == null ? null : new FrequencyCap(frequency, days);
    }
}
