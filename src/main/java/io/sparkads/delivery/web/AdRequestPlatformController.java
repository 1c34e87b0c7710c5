package io.sparkads.delivery.web;

import io.sparkads.delivery.AdAnswer;
import io.sparkads.delivery.AdRequestBody;
import io.sparkads.delivery.PlatformAdRequests;
import io.sparkads.delivery.engine.AdCandidate;
import io.sparkads.delivery.engine.Decision;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ads for a feed slot or an app open, straight from the in-memory decision engine. The lean
 * listener (module {@code edge}) serves the same request through the same {@link
 * PlatformAdRequests}.
 */
@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: ad requests")
record AdRequestPlatformController(PlatformAdRequests requests) {
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
        AdAnswer answer = requests.answer(body);
        return new AdResponse(
                answer.requestId(),
                answer.decisions().stream().map(AdRequestPlatformController::served).toList());
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
                AdAnswer.SPONSORED);
    }
}
