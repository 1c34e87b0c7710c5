package io.sparkads.tracking.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sparkads.common.Refusal;
import io.sparkads.tracking.EventQueue;
import io.sparkads.tracking.ReceivedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake's side of the Kafka path: writes accepted events to the topic and waits for the broker's
 * acknowledgement ({@code acks=all}); reads how many events wait for a consumer, for the metric
 * {@code sparkads.kafka.consumer.lag} and the operator page.
 */
class KafkaEventQueue implements EventQueue, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(KafkaEventQueue.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BACKLOG_FRESH_FOR = Duration.ofSeconds(2);

    static final String RETRY_MESSAGE =
            "the events could not be stored for counting: the event broker did not confirm them in"
                    + " time. Nothing of this batch is counted yet; send the same batch again"
                    + " later (events already counted are recognised by event_id and count once)";

    private final KafkaTemplate<String, String> template;
    private final KafkaAdmin kafkaAdmin;
    private final String topic;
    private final String groupId;
    private final Duration ackTimeout;
    private Admin admin;
    private Backlog lastBacklog = new Backlog(false, 0, List.of());
    private long lastBacklogAt;

    KafkaEventQueue(
            KafkaTemplate<String, String> template,
            KafkaAdmin kafkaAdmin,
            String topic,
            String groupId,
            Duration ackTimeout,
            MeterRegistry meters) {
        this.template = template;
        this.kafkaAdmin = kafkaAdmin;
        this.topic = topic;
        this.groupId = groupId;
        this.ackTimeout = ackTimeout;
        Gauge.builder(
                        "sparkads.kafka.consumer.lag",
                        this,
                        q -> {
                            Backlog b = q.backlog();
                            return b.known() ? b.total() : Double.NaN;
                        })
                .description("Events on the Kafka topic that no consumer has counted yet")
                .baseUnit("events")
                .tag("topic", topic)
                .register(meters);
    }

    static String write(ReceivedEvent event) {
        return JSON.writeValueAsString(event);
    }

    static ReceivedEvent read(String json) {
        return JSON.readValue(json, ReceivedEvent.class);
    }

    /** One ad's events on one partition, in order: keyed by impression, else by post. */
    static String key(ReceivedEvent e) {
        return e.event().impressionId() != null ? e.event().impressionId() : e.event().itemId();
    }

    @Override
    public void publish(List<ReceivedEvent> events) {
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(events.size());
        try {
            for (ReceivedEvent event : events) {
                CompletableFuture<SendResult<String, String>> send =
                        template.send(topic, key(event), write(event));
                if (send.isCompletedExceptionally()) {
                    // The broker is unreachable (no metadata in time): do not wait again per event.
                    send.join();
                }
                sends.add(send);
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Refusal.unavailable(RETRY_MESSAGE);
        } catch (Exception e) {
            log.warn("Event batch of {} not acknowledged by the broker: {}", events.size(), e);
            throw Refusal.unavailable(RETRY_MESSAGE);
        }
    }

    @Override
    public synchronized Backlog backlog() {
        long now = System.nanoTime();
        if (lastBacklogAt != 0 && now - lastBacklogAt < BACKLOG_FRESH_FOR.toNanos()) {
            return lastBacklog;
        }
        try {
            lastBacklog = readBacklog();
        } catch (Exception e) {
            log.debug("Consumer lag not readable: {}", e.toString());
            lastBacklog = new Backlog(false, 0, List.of());
        }
        lastBacklogAt = now;
        return lastBacklog;
    }

    private Backlog readBacklog() throws Exception {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        TopicDescription description =
                admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(2, TimeUnit.SECONDS)
                        .get(topic);
        Map<TopicPartition, OffsetSpec> latest =
                description.partitions().stream()
                        .collect(
                                Collectors.toMap(
                                        p -> new TopicPartition(topic, p.partition()),
                                        p -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(2, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata()
                        .get(2, TimeUnit.SECONDS);
        List<Backlog.Partition> partitions = new ArrayList<>();
        long total = 0;
        for (TopicPartition tp :
                latest.keySet().stream()
                        .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                        .toList()) {
            long end = ends.get(tp).offset();
            OffsetAndMetadata done = committed.get(tp);
            long counted = done == null ? 0 : done.offset();
            long waiting = Math.max(0, end - counted);
            total += waiting;
            partitions.add(new Backlog.Partition(tp.partition(), waiting, counted, end));
        }
        return new Backlog(true, total, List.copyOf(partitions));
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
