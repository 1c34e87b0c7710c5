package io.sparkads.authorization;

import io.sparkads.common.Refusal;
import java.time.Duration;
import java.util.Set;

/** How long a code (or an extension) authorizes a post: one of the periods TikTok offers. */
public record AuthorizationPeriod(int days) {
    public static final Set<Integer> VALID_DAYS = Set.of(7, 30, 60, 365);

    public AuthorizationPeriod {
        if (!VALID_DAYS.contains(days)) {
            throw invalid(days);
        }
    }

    /** The period of {@code days} as a caller sent it, refused clearly when missing or odd. */
    public static AuthorizationPeriod of(Integer days) {
        if (days == null) {
            throw invalid(null);
        }
        return new AuthorizationPeriod(days);
    }

    public Duration duration() {
        return Duration.ofDays(days);
    }

    private static Refusal invalid(Integer days) {
        return Refusal.invalid("days must be one of 7, 30, 60 or 365, was " + days);
    }
}
