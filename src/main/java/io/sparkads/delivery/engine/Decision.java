package io.sparkads.delivery.engine;

/**
 * One ad chosen for a request, with the impression id its events must carry, the price one of its
 * billing events is charged, what its budgets reserve, and whether exploration chose it.
 *
 * <p>The charged price is the price that would have kept the ad in its place: the eCPM of the next
 * eligible ad for the request (the next decision, or the best eligible ad left out), converted to
 * the ad's billed event by its predicted rate and quality ({@link Valuation#chargedMicros}),
 * rounded up to the cent, plus 0.01, capped at the bid (for OCPM: at its eCPM without quality, so
 * the expected cost per conversion stays within the bid). An ad with no eligible ad below it is
 * charged its cap (there is no floor price). An explored ad is priced against the ad it displaced.
 * The impression id carries the price, so intake bills, budgets reserve and reports show the same
 * amount.
 *
 * @param chargedMicros the price per billing event, in micros, at most the ad's bid (OCPM: per 1000
 *     impressions, at most its eCPM)
 * @param reservedMicros what the ad's budgets reserve for this serving: the charged price times the
 *     ad's predicted billed events per impression ({@link BillingEvent#reservedMicros})
 * @param explored whether exploration chose the ad (see {@link Exploration}) rather than the
 *     ranking
 */
public record Decision(
        String impressionId,
        AdCandidate ad,
        long chargedMicros,
        long reservedMicros,
        boolean explored) {

    public Decision {
        if (impressionId == null || ad == null) {
            throw new IllegalArgumentException("impressionId and ad must not be null");
        }
        if (chargedMicros <= 0 || reservedMicros < 0) {
            throw new IllegalArgumentException(
                    "ad "
                            + ad.lineage().adId()
                            + ": charged must be positive, reserved not negative");
        }
    }
}
