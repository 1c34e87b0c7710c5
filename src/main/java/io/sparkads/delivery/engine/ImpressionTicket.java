package io.sparkads.delivery.engine;

import io.sparkads.common.AdLineage;
import java.time.Instant;

/**
 * What a verified impression id says: which ad was served, on what terms, and when. It proves the
 * engine issued the id; it does not prove the id is fresh or used once (callers check the age of
 * {@code servedAt} and de-duplicate events).
 *
 * @param servedAt when the ad was served, to the millisecond
 * @param audience the viewer attributes and placement of the request that served it
 * @param chargedMicros what one billing event of this serving costs, in micros: at most the bid
 */
public record ImpressionTicket(
        AdLineage lineage,
        Long itemId,
        boolean spark,
        BillingEvent billingEvent,
        long bidMicros,
        Instant servedAt,
        ServedAudience audience,
        long chargedMicros) {

    public ImpressionTicket {
        audience = audience == null ? ServedAudience.unknown() : audience;
    }

    /** A ticket charged its bid, as ids before version 3 are. */
    public ImpressionTicket(
            AdLineage lineage,
            Long itemId,
            boolean spark,
            BillingEvent billingEvent,
            long bidMicros,
            Instant servedAt,
            ServedAudience audience) {
        this(lineage, itemId, spark, billingEvent, bidMicros, servedAt, audience, bidMicros);
    }
}
