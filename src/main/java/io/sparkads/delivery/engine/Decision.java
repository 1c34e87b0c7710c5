package io.sparkads.delivery.engine;

/**
 * One ad chosen for a request, with the impression id its events must carry and the price one of
 * its billing events is charged.
 *
 * <p>The charged price is the price that would have kept the ad in its place: the eCPM of the next
 * eligible ad for the request (the next decision, or the best eligible ad left out), converted to
 * the ad's billing event and rounded up to the cent ({@link BillingEvent#priceMicros}), plus 0.01,
 * capped at the bid. An ad with no eligible ad below it is charged its bid (there is no floor
 * price). The impression id carries the price, so intake bills, budgets reserve and reports show
 * the same amount.
 *
 * @param chargedMicros the price per billing event, in micros, at most the ad's bid
 */
public record Decision(String impressionId, AdCandidate ad, long chargedMicros) {

    /** The price per billing event an ad bidding {@code ad} pays above an ad worth {@code next}. */
    public static long chargedMicros(AdCandidate ad, long nextEcpmMicros) {
        long price = ad.billingEvent().priceMicros(nextEcpmMicros);
        return Math.min(
                ad.bidMicros(),
                price > Long.MAX_VALUE - BillingEvent.CENT_MICROS
                        ? Long.MAX_VALUE
                        : price + BillingEvent.CENT_MICROS);
    }

    /** What the ad's budgets reserve for this serving, in micros. */
    public long reservedMicros() {
        return ad.billingEvent().reservedMicros(chargedMicros);
    }
}
