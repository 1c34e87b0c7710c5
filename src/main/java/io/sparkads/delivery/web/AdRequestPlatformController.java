package io.sparkads.delivery.web;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import io.sparkads.delivery.AdServing;
import io.sparkads.delivery.AdServing.ViewerAttributes;
import io.sparkads.delivery.DeliveryMetrics;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.AdRequest;
import io.sparkads.delivery.engine.Decision;
import io.sparkads.delivery.engine.Placement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ads for a feed slot or an app open, straight from the in-memory decision engine. */
@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: ad requests")
record AdRequestPlatformController(AdServing serving, DeliveryMetrics metrics) {
    record AdRequestBody(
            String requestId,
            String placement,
            Integer slots,
            ViewerAttributes viewer,
            List<String> excludeItemIds) {}

    record Identity(String accountId, String displayName, String avatarUrl) {}

    /** The video and, for an uploaded one, its poster frame to show until it plays. */
    record Video(String url, String posterUrl) {}

    record Destination(String type, String url) {}

    record ServedAd(
            String impressionId,
            String adId,
            String itemId,
            boolean spark,
            Identity identity,
            String caption,
            Video video,
            String callToAction,
            Destination destination,
            String sponsoredLabel) {}

    record AdResponse(String requestId, List<ServedAd> ads) {}

    @PostMapping("/ad_requests")
    @Operation(
            summary =
                    "Ads for a feed slot (IN_FEED) or an app open (TOPVIEW); an empty list when nothing is eligible")
    AdResponse request(@RequestBody AdRequestBody body) {
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
        return new AdResponse(
                body.requestId(),
                decisions.stream().map(AdRequestPlatformController::served).toList());
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
        ViewerAttributes v = body.viewer();
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

    private static ServedAd served(Decision decision) {
        AdCandidate ad = decision.ad();
        var creative = ad.creative();
        return new ServedAd(
                decision.impressionId(),
                String.valueOf(ad.lineage().adId()),
                ad.itemId() == null ? null : String.valueOf(ad.itemId()),
                ad.spark(),
                new Identity(
                        creative.identityAccountId(), creative.displayName(), creative.avatarUrl()),
                creative.caption(),
                new Video(creative.videoUrl(), creative.posterUrl()),
                creative.callToAction(),
                new Destination(creative.destinationType(), creative.destinationUrl()),
                "Sponsored");
    }
}
