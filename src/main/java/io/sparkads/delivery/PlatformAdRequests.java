package io.sparkads.delivery;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import io.sparkads.delivery.engine.AdRequest;
import io.sparkads.delivery.engine.Decision;
import io.sparkads.delivery.engine.Placement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The platform API's ad request, wherever it arrives (the servlet stack or the lean listener): one
 * check of the body with one set of messages, the decisions served now, and the metrics of both.
 */
@Service
public class PlatformAdRequests {
    private final AdServing serving;
    private final DeliveryMetrics metrics;

    PlatformAdRequests(AdServing serving, DeliveryMetrics metrics) {
        this.serving = serving;
        this.metrics = metrics;
    }

    /** The ads served for the body; a {@link Refusal} saying what to fix when it is invalid. */
    public AdAnswer answer(AdRequestBody body) {
        AdRequest request;
        try {
            request = toRequest(body);
        } catch (Refusal refused) {
            metrics.rejected(body.placement());
            throw refused;
        }
        long started = System.nanoTime();
        // Frequency caps and TopView reservations count what is served; a place another request
        // took in the meantime drops the ad from this answer.
        List<Decision> decisions = serving.serveNow(request);
        metrics.decided(request.placement(), System.nanoTime() - started, decisions.size());
        return new AdAnswer(body.requestId(), decisions);
    }

    private static AdRequest toRequest(AdRequestBody body) {
        Placement placement;
        try {
            placement = Placement.valueOf(body.placement() == null ? "" : body.placement());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(
                    "placement must be IN_FEED or TOPVIEW; was "
                            + (body.placement() == null
                                    ? "nothing"
                                    : "'" + body.placement() + "'"));
        }
        int slots = body.slots() == null ? 1 : body.slots();
        if (slots < 1 || slots > AdRequest.MAX_SLOTS) {
            throw Refusal.invalid(
                    "slots must be between 1 and " + AdRequest.MAX_SLOTS + "; was " + slots);
        }
        if (placement == Placement.TOPVIEW && slots != 1) {
            throw Refusal.invalid("a TOPVIEW request asks for exactly 1 slot, at app open");
        }
        AdServing.ViewerAttributes v = body.viewer();
        if (v == null || v.viewerId() == null || v.viewerId().isBlank()) {
            throw Refusal.invalid("viewer.viewer_id is required");
        }
        if (body.requestId() == null || body.requestId().isBlank()) {
            throw Refusal.invalid("request_id is required");
        }
        Set<Long> exclude = new HashSet<>();
        if (body.excludeItemIds() != null) {
            for (String raw : body.excludeItemIds()) {
                exclude.add(Ids.require("exclude_item_ids", raw));
            }
        }
        return new AdRequest(body.requestId(), placement, slots, v.toViewer(), exclude);
    }
}
