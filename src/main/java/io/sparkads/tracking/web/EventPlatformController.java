package io.sparkads.tracking.web;

import io.sparkads.common.Refusal;
import io.sparkads.tracking.EventIntake;
import io.sparkads.tracking.EventMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/platform/v1")
@Tag(name = "Platform: events")
record EventPlatformController(EventIntake intake, EventMetrics metrics) {
    record Batch(List<EventIntake.IncomingEvent> events) {}

    @PostMapping("/events")
    @Operation(
            summary = "Organic and paid events in batches",
            description =
                    "An event with an impression_id is paid, one with only an item_id organic. The same event_id counts once. "
                            + "A 2xx answer means every accepted event is durable; invalid events are listed in 'rejected' by index. "
                            + "Where the platform runs with an event broker, a 503 means the broker did not confirm the batch: send the same batch again later (each event_id counts once). "
                            + "An organic event may carry viewer {region, age_group, gender} (each optional): Trend Discovery counts its views there.")
    EventIntake.Outcome accept(@RequestBody Batch batch) {
        EventIntake.Outcome outcome;
        try {
            outcome = intake.accept(batch.events());
        } catch (Refusal refused) {
            metrics.rejected(batch.events() == null ? 0 : batch.events().size());
            throw refused;
        }
        metrics.record(outcome); // after the commit: what is counted here is durable
        return outcome;
    }
}
