package io.sparkads.tracking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What an ad group's billing event (TikTok's {@code billing_event}, under its wire name) charges
 * for, and how much of the bid one such event costs. The engine's own {@code BillingEvent} ranks
 * bids inside the delivery module and is not part of its API; a served impression names its billing
 * event by the wire name, which this reads.
 */
enum BillingCharge {
    /** The bid is per 1000 impressions. */
    CPM(EventType.IMPRESSION, 1000),
    /** The bid is per click. */
    CPC(EventType.CLICK, 1),
    /** The bid is per view of 6 seconds or more. */
    CPV(EventType.VIDEO_WATCHED_6S, 1),
    /**
     * The bid is a target cost per conversion, but the impression carries a price per 1000
     * impressions (at most what keeps the expected cost per conversion within the bid), billed like
     * CPM.
     */
    OCPM(EventType.IMPRESSION, 1000);

    private final EventType charged;
    private final int eventsPerBid;

    BillingCharge(EventType charged, int eventsPerBid) {
        this.charged = charged;
        this.eventsPerBid = eventsPerBid;
    }

    /** The billing event with this wire name; none for a name TikTok does not bill by. */
    static Optional<BillingCharge> named(String wireName) {
        for (BillingCharge charge : values()) {
            if (charge.name().equals(wireName)) {
                return Optional.of(charge);
            }
        }
        return Optional.empty();
    }

    /** What an event of this type costs at this bid: a share of the bid, or nothing. */
    BigDecimal costOf(EventType type, BigDecimal bid) {
        if (type != charged) {
            return BigDecimal.ZERO;
        }
        return eventsPerBid == 1
                ? bid
                : bid.divide(BigDecimal.valueOf(eventsPerBid), 7, RoundingMode.HALF_UP);
    }
}
