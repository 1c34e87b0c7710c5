package io.sparkads.tracking.web;

import io.sparkads.tracking.EventBatch;
import io.sparkads.tracking.EventIntake;
import io.sparkads.tracking.PlatformEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events in batches; the lean listener (module {@code edge}) takes them through the same {@link
 * PlatformEvents}.
 */
@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: events")
record EventPlatformController(PlatformEvents events) {

    @PostMapping("/events")
    @Operation(
            summary = "Organic and paid events in batches",
            description =
                    "An event with an impression_id is paid, one with only an item_id organic. The same event_id counts once. "
                            + "A 2xx answer means every accepted event is durable; invalid events are listed in 'rejected' by index. "
                            + "Where the platform runs with an event broker, a 503 means the broker did not confirm the batch: send the same batch again later (each event_id counts once). "
                            + "An organic event may carry viewer {region, age_group, gender} (each optional): Trend Discovery counts its views there.")
    EventIntake.Outcome accept(@RequestBody EventBatch batch) {
        return events.accept(batch);
    }
}
