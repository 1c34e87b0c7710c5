package io.sparkads.delivery;

import io.sparkads.delivery.engine.Decision;
import java.time.Instant;

/**
 * Where serving an ad reserves its charged price from its budgets ({@link BudgetReservations} in a
 * server). {@link AdServing} reserves before the serving rules hand out a frequency-cap or TopView
 * place, so a reservation can be given back when the rules refuse the ad after all.
 */
interface ServingBudgets {

    /** The reservation of an ad without a limited budget: nothing to give back. */
    Reservation NOTHING_RESERVED = () -> {};

    /**
     * Reserves what serving the decision at {@code at} costs from each of its budgets; {@code null}
     * when one of them has nothing left, and then nothing is reserved.
     */
    Reservation reserve(Decision decision, Instant at);

    /** What serving one decision reserved. */
    interface Reservation {
        /** Gives the reservation back: the ad was not served after all. */
        void release();
    }
}
