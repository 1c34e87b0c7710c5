package io.sparkads.campaigns;

/**
 * How fast an ad group's daily budget may be spent, TikTok's {@code pacing}: evenly over the day in
 * the ad account's time zone (smooth, TikTok's default), or as fast as traffic comes (fast).
 *
 * <p>Accepted beside any budget mode, as TikTok accepts it, but only a daily budget is paced:
 * beside a lifetime budget or none it is kept and ignored until the budget becomes daily. Refusing
 * smooth beside a lifetime budget would refuse requests that merely carry TikTok's default.
 */
public enum PacingMode {
    PACING_MODE_SMOOTH,
    PACING_MODE_FAST;

    /** The pacing a request names; {@code fallback} when it names none. */
    public static PacingMode of(String value, PacingMode fallback) {
        return Check.oneOf("pacing", value, PacingMode.class, fallback);
    }
}
