package io.sparkads.delivery;

import io.sparkads.delivery.engine.ImpressionIds;
import io.sparkads.delivery.engine.ImpressionTicket;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Verifies impression ids: only ids this platform signed are accepted as paid events. */
@Service
public class Impressions {
    private final ImpressionIds ids;

    Impressions(ImpressionIds ids) {
        this.ids = ids;
    }

    public Optional<ServedImpression> verify(String impressionId) {
        return ids.verify(impressionId).map(Impressions::served);
    }

    private static ServedImpression served(ImpressionTicket t) {
        return new ServedImpression(
                t.lineage(),
                t.itemId(),
                t.spark(),
                t.billingEvent().name(),
                BigDecimal.valueOf(t.bidMicros(), 6).stripTrailingZeros(),
                t.servedAt(),
                t.audience().placement() == null ? null : t.audience().placement().name(),
                t.audience().ageGroup(),
                t.audience().gender(),
                t.audience().region(),
                BigDecimal.valueOf(t.chargedMicros(), 6).stripTrailingZeros());
    }
}
