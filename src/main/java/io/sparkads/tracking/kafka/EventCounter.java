package io.sparkads.tracking.kafka;

import io.sparkads.tracking.EventIntake;
import io.sparkads.tracking.ReceivedEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import tools.jackson.core.JacksonException;

/**
 * A consumer's work: each polled batch of queued events is counted by {@link EventIntake#count} in
 * one transaction; the container commits the batch's offsets only after this returns.
 */
final class EventCounter implements BatchMessageListener<String, String> {
    private static final Logger log = LoggerFactory.getLogger(EventCounter.class);

    private final EventIntake intake;

    EventCounter(EventIntake intake) {
        this.intake = intake;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, String>> records) {
        List<ReceivedEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(KafkaEventQueue.read(record.value()));
            } catch (JacksonException | IllegalArgumentException e) {
                // Not written by this application: it can never be counted, so it is not retried.
                log.warn(
                        "Skipped unreadable record at {}-{}@{}: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        e.getMessage());
            }
        }
        if (!events.isEmpty()) {
            intake.count(events);
        }
    }
}
