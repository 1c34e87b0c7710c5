package io.sparkads.delivery.engine;

/**
 * What an advertiser pays for, and how a bid of that kind compares with the others.
 *
 * <p>Bids of different kinds are compared by their expected revenue per 1000 impressions (eCPM).
 * The rates the engine assumes for that are named constants here, expressed per 1000 impressions so
 * the arithmetic stays in exact integers and equal offers tie exactly.
 */
public enum BillingEvent {
    /** The bid is per 1000 impressions. */
    CPM,
    /** The bid is per click. */
    CPC,
    /** The bid is per view of 6 seconds or more. */
    CPV;

    /** Assumed click-through rate: 10 clicks per 1000 impressions (1%). */
    public static final long ASSUMED_CLICKS_PER_THOUSAND_IMPRESSIONS = 10;

    /** Assumed 6-second view rate: 250 such views per 1000 impressions (25%). */
    public static final long ASSUMED_SIX_SECOND_VIEWS_PER_THOUSAND_IMPRESSIONS = 250;

    /**
     * The expected revenue per 1000 impressions, in micros, of a bid of this kind: CPM → bid; CPC →
     * bid × 1000 × 1%; CPV → bid × 1000 × 25%. Saturates at {@link Long#MAX_VALUE} rather than
     * overflowing.
     */
    public long ecpmMicros(long bidMicros) {
        return switch (this) {
            case CPM -> bidMicros;
            case CPC -> saturatedMultiply(bidMicros, ASSUMED_CLICKS_PER_THOUSAND_IMPRESSIONS);
            case CPV ->
                    saturatedMultiply(bidMicros, ASSUMED_SIX_SECOND_VIEWS_PER_THOUSAND_IMPRESSIONS);
        };
    }

    private static long saturatedMultiply(long bidMicros, long eventsPerThousand) {
        return bidMicros > Long.MAX_VALUE / eventsPerThousand
                ? Long.MAX_VALUE
                : bidMicros * eventsPerThousand;
    }

    /** One cent, in micros: prices are charged in whole cents. */
    public static final long CENT_MICROS = 10_000;

    /**
     * The price per billing event of this kind that is worth {@code ecpmMicros} per 1000
     * impressions, rounded up to the cent: CPM → the eCPM; CPC → eCPM / 10; CPV → eCPM / 250.
     */
    public long priceMicros(long ecpmMicros) {
        long perThousand =
                switch (this) {
                    case CPM -> 1;
                    case CPC -> ASSUMED_CLICKS_PER_THOUSAND_IMPRESSIONS;
                    case CPV -> ASSUMED_SIX_SECOND_VIEWS_PER_THOUSAND_IMPRESSIONS;
                };
        return ceilDiv(ceilDiv(ecpmMicros, perThousand), CENT_MICROS) * CENT_MICROS;
    }

    /**
     * What a budget reserves when an ad of this kind is served at {@code priceMicros} per billing
     * event, rounded up to the micro: CPM → price / 1000, exactly what the impression is billed;
     * CPC → price × 1% (the expected clicks); CPV → price × 25% (the expected 6-second views). For
     * CPC and CPV the reservation is the expected cost, not the billed one: see
     * docs/architecture.md, "Budgets: leases and reservations", for the bound on overspend.
     */
    public long reservedMicros(long priceMicros) {
        return switch (this) {
            case CPM -> ceilDiv(priceMicros, 1000);
            case CPC -> ceilDiv(priceMicros * ASSUMED_CLICKS_PER_THOUSAND_IMPRESSIONS, 1000);
            case CPV ->
                    ceilDiv(priceMicros * ASSUMED_SIX_SECOND_VIEWS_PER_THOUSAND_IMPRESSIONS, 1000);
        };
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
