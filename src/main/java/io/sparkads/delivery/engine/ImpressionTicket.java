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
 */
public record ImpressionTicket(
        AdLineage lineage,
        Long itemId,
        boolean spark,
        BillingEvent billingEvent,
        long bidMicros,
        Instant servedAt,
        ServedAudience audience) {

    public ImpressionTicket {
        audience = audience == null ? ServedAudience.unknown() : audience;
    }
}
