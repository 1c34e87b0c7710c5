package io.sparkads.tracking.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.sparkads.tracking.EventIntake;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka path of event intake, present only with {@code sparkads.kafka.bootstrap-servers} set
 * (env {@code SPARKADS_KAFKA_BOOTSTRAP_SERVERS}): there is no Kafka auto-configuration (the project
 * depends on spring-kafka, not Boot's Kafka starter), so without the setting nothing here exists
 * and nothing tries to reach a broker.
 *
 * <p>Producer: idempotent, {@code acks=all}, events keyed by impression (paid) or post (organic) so
 * one ad's events keep their order. Consumers: one group on every server; a batch is counted in one
 * PostgreSQL transaction and its offsets are committed after that transaction (ack mode BATCH), so
 * a crash in between re-delivers the batch and the event-id check drops what was counted.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${sparkads.kafka.bootstrap-servers:}'.isBlank()")
class KafkaEventsConfiguration {
    private final String servers;
    private final String topic;

    KafkaEventsConfiguration(
            @Value("${sparkads.kafka.bootstrap-servers}") String servers,
            @Value("${sparkads.kafka.topic:sparkads.events}") String topic) {
        this.servers = servers;
        this.topic = topic;
    }

    @Bean
    KafkaAdmin eventsKafkaAdmin() {
        KafkaAdmin admin =
                new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        admin.setOperationTimeout(30);
        return admin;
    }

    @Bean
    NewTopic eventsTopic(
            @Value("${sparkads.kafka.partitions:6}") int partitions,
            @Value("${sparkads.kafka.replication-factor:1}") short replicas) {
        return new NewTopic(topic, partitions, replicas);
    }

    @Bean
    KafkaTemplate<String, String> eventsKafkaTemplate(
            @Value("${sparkads.kafka.ack-timeout:10s}") Duration ackTimeout) {
        int request = (int) Math.max(1000, ackTimeout.toMillis() / 2);
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        2,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        request,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        request,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        request * 2 + 2,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    KafkaEventQueue kafkaEventQueue(
            KafkaTemplate<String, String> eventsKafkaTemplate,
            KafkaAdmin eventsKafkaAdmin,
            MeterRegistry meters,
            @Value("${sparkads.kafka.group-id:sparkads-events}") String groupId,
            @Value("${sparkads.kafka.ack-timeout:10s}") Duration ackTimeout) {
        return new KafkaEventQueue(
                eventsKafkaTemplate, eventsKafkaAdmin, topic, groupId, ackTimeout, meters);
    }

    /** The consumers of this server; {@code stop()} and {@code start()} it like any container. */
    @Bean
    ConcurrentMessageListenerContainer<String, String> eventsListenerContainer(
            EventIntake intake,
            @Value("${sparkads.kafka.group-id:sparkads-events}") String groupId,
            @Value("${sparkads.kafka.consumers:1}") int consumers,
            @Value("${sparkads.kafka.max-poll-records:1000}") int maxPollRecords) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        groupId,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        maxPollRecords,
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class);
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(groupId);
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMessageListener(new EventCounter(intake));
        ConcurrentMessageListenerContainer<String, String> container =
                new ConcurrentMessageListenerContainer<>(
                        new DefaultKafkaConsumerFactory<>(config), properties);
        container.setConcurrency(consumers);
        // A batch that fails (the database away) is retried, never skipped: skipping loses events.
        container.setCommonErrorHandler(
                new DefaultErrorHandler(new FixedBackOff(1000, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return container;
    }
}
