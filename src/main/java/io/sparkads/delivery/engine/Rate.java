package io.sparkads.delivery.engine;

/**
 * A rate delivery predicts for each ad: how many of its trials (impressions, or clicks for
 * conversions) end in a success. Each has the prior it starts from when nothing is known, anywhere:
 * the rates the engine assumed for every ad before it learned (1% click-through, 25% six-second
 * views) and typical values for the others.
 */
public enum Rate {
    /** Clicks per impression. */
    CLICK_THROUGH(0.01),
    /** Views of 6 seconds or more per impression. */
    SIX_SECOND_VIEW(0.25),
    /** Views to the end per impression. */
    COMPLETION(0.10),
    /** Conversions per click. */
    CONVERSION(0.05),
    /** Likes, comments, shares and follows per impression. */
    ENGAGEMENT(0.03),
    /** Profile visits per impression. */
    PROFILE_VISIT(0.005),
    /** New followers per impression. */
    FOLLOW(0.002);

    private final double defaultMean;

    Rate(double defaultMean) {
        this.defaultMean = defaultMean;
    }

    /** The rate assumed where there is no evidence at any level. */
    public double defaultMean() {
        return defaultMean;
    }

    /** The successes among {@link #trials}, never more than the trials. */
    public long successes(Outcomes o) {
        long successes =
                switch (this) {
                    case CLICK_THROUGH -> o.clicks();
                    case SIX_SECOND_VIEW -> o.sixSecondViews();
                    case COMPLETION -> o.completions();
                    case CONVERSION -> o.conversions();
                    case ENGAGEMENT -> o.engagements();
                    case PROFILE_VISIT -> o.profileVisits();
                    case FOLLOW -> o.follows();
                };
        return Math.min(successes, trials(o));
    }

    /** The trials of this rate: clicks for {@link #CONVERSION}, impressions for the others. */
    public long trials(Outcomes o) {
        return this == CONVERSION ? o.clicks() : o.impressions();
    }
}
