package io.sparkads.delivery.engine;

/**
 * What an advertiser pays for, and how a price per 1000 impressions converts into a price per
 * billed event and back.
 *
 * <p>Bids of different kinds are compared by their expected revenue per 1000 impressions (eCPM, see
 * {@link Valuation}). How many billed events 1000 impressions bring is the ad's own predicted rate
 * of its billed event ({@link PredictedRates}): 1000 × pCTR clicks for CPC, 1000 × p6s views for
 * CPV, and exactly 1000 impressions for CPM and OCPM, which are billed per 1000 impressions.
 */
public enum BillingEvent {
    /** The bid is per 1000 impressions. */
    CPM,
    /** The bid is per click. */
    CPC,
    /** The bid is per view of 6 seconds or more. */
    CPV,
    /**
     * Optimized CPM: the bid is a target cost per conversion, but the ad is billed per 1000
     * impressions, at a price never above what makes the expected cost per conversion its bid.
     */
    OCPM;

    /** One cent, in micros: prices are charged in whole cents. */
    public static final long CENT_MICROS = 10_000;

    /**
     * How many billed events 1000 impressions of an ad with these rates are expected to bring: 1
     * (one billed "thousand impressions") for CPM and OCPM, 1000 × pCTR for CPC, 1000 × p6s for
     * CPV.
     */
    public double billedEventsPerThousand(PredictedRates rates) {
        return switch (this) {
            case CPM, OCPM -> 1;
            case CPC -> 1000 * rates.mean(Rate.CLICK_THROUGH);
            case CPV -> 1000 * rates.mean(Rate.SIX_SECOND_VIEW);
        };
    }

    /**
     * The price per billed event that is worth {@code ecpmMicros} per 1000 impressions for an ad
     * with these rates, rounded up to the cent: CPM and OCPM → the eCPM; CPC → eCPM / (1000 ×
     * pCTR); CPV → eCPM / (1000 × p6s).
     */
    public long priceMicros(long ecpmMicros, PredictedRates rates) {
        return roundUpToCent(ecpmMicros / billedEventsPerThousand(rates));
    }

    /**
     * What a budget reserves when an ad of this kind with these rates is served at {@code
     * priceMicros} per billed event, rounded up to the micro: CPM and OCPM → price / 1000, exactly
     * what the impression is billed; CPC → price × pCTR (the expected clicks); CPV → price × p6s
     * (the expected 6-second views). For CPC and CPV the reservation is the expected cost, not the
     * billed one: see docs/architecture.md, "Budgets: leases and reservations", for the bound on
     * overspend.
     */
    public long reservedMicros(long priceMicros, PredictedRates rates) {
        return roundUpToMicro((double) priceMicros * billedEventsPerThousand(rates) / 1000);
    }

    /**
     * The most one billed event of an ad bidding {@code bidMicros} may be charged: the bid; for
     * OCPM, whose bid is per conversion but whose price is per 1000 impressions, the bid × 1000 (at
     * most one conversion per impression). Saturates rather than overflowing.
     */
    public long maxChargeMicros(long bidMicros) {
        if (this != OCPM) {
            return bidMicros;
        }
        return bidMicros > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : bidMicros * 1000;
    }

    /** Rounds up to the cent, forgiving the last bits of floating-point error. */
    static long roundUpToCent(double micros) {
        long whole = roundUpToMicro(micros);
        if (whole > Long.MAX_VALUE - CENT_MICROS) {
            return Long.MAX_VALUE;
        }
        return -Math.floorDiv(-whole, CENT_MICROS) * CENT_MICROS;
    }

    /**
     * Rounds up to the micro; a value within a millionth of a micro of a whole one is taken as that
     * whole one, so that 10 000 000 / (1000 × 0.01) is 1 000 000 whichever way the rate's last bit
     * fell. Saturates at {@link Long#MAX_VALUE}.
     */
    static long roundUpToMicro(double micros) {
        if (!(micros < 0x1p63)) {
            return Long.MAX_VALUE;
        }
        return (long) Math.ceil(micros - 1e-6);
    }
}
