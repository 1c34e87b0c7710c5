package io.sparkads.delivery.engine;

/**
 * What the impressions of one ad (or of a group of ads) led to, as the rollups count it: the
 * evidence from which delivery learns an ad's rates.
 *
 * @param impressions ads served and seen
 * @param clicks clicks through to the landing page or profile
 * @param sixSecondViews views of 6 seconds or more
 * @param completions views to the end
 * @param conversions conversions (counted per click: see {@link Rate#CONVERSION})
 * @param engagements likes, comments, shares and follows on the ad
 * @param profileVisits visits to the identity's profile from the ad
 * @param follows new followers of the identity from the ad
 */
public record Outcomes(
        long impressions,
        long clicks,
        long sixSecondViews,
        long completions,
        long conversions,
        long engagements,
        long profileVisits,
        long follows) {

    public static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0, 0, 0, 0);

    public Outcomes {
        if (impressions < 0
                || clicks < 0
                || sixSecondViews < 0
                || completions < 0
                || conversions < 0
                || engagements < 0
                || profileVisits < 0
                || follows < 0) {
            throw new IllegalArgumentException("outcome counts must not be negative");
        }
    }

    public Outcomes plus(Outcomes other) {
        return new Outcomes(
                impressions + other.impressions,
                clicks + other.clicks,
                sixSecondViews + other.sixSecondViews,
                completions + other.completions,
                conversions + other.conversions,
                engagements + other.engagements,
                profileVisits + other.profileVisits,
                follows + other.follows);
    }
}
