import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A one-node Kafka broker (KRaft, spring-kafka-test's embedded broker) for running the server's
 * Kafka path on this machine without installing Kafka: prints its address and runs until killed.
 *
 * <p>{@code java -cp $(cat target/test.classpath) bench/KafkaBroker.java [port] [partitions]}, with
 * {@code target/test.classpath} from {@code mvn -B -o -q dependency:build-classpath
 * -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test}; then start the server with
 * {@code SPARKADS_KAFKA_BOOTSTRAP_SERVERS=} the address it prints (the KRaft broker may take
 * another port than the one asked for).
 */
public class KafkaBroker {
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 19092;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, "sparkads.events");
        broker.kafkaPorts(port);
        broker.afterPropertiesSet();
        System.out.println("Kafka broker at " + broker.getBrokersAsString());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        Thread.currentThread().join();
    }
}
