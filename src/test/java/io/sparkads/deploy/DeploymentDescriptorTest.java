package io.sparkads.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * There is no Docker on the build machine, so {@code deploy/compose.yaml} is checked by reading it:
 * the services are there, every replica shares one database, broker, media volume and secret, the
 * load balancer sends traffic to each replica it checks for readiness, and every setting a replica
 * is given is one the application reads.
 */
class DeploymentDescriptorTest {
    private static final Path DEPLOY = Path.of("deploy");
    private static final List<String> REPLICAS = List.of("app1", "app2");

    private final Map<String, Object> compose = yaml(DEPLOY.resolve("compose.yaml"));
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void composeRunsPostgresKafkaInKraftModeTwoReplicasAndALoadBalancer() {
        assertThat(services).containsOnlyKeys("postgres", "kafka", "app1", "app2", "lb");
        assertThat(string(service("postgres").get("image"))).startsWith("postgres:");
        Map<String, Object> kafka = service("kafka");
        assertThat(string(kafka.get("image"))).startsWith("apache/kafka:");
        Map<String, Object> kafkaEnv = map(kafka.get("environment"));
        assertThat(string(kafkaEnv.get("KAFKA_PROCESS_ROLES"))).contains("controller");
        assertThat(kafkaEnv).containsKey("KAFKA_CONTROLLER_QUORUM_VOTERS");
        assertThat(string(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")))
                .as("clients in the network reach the broker by its service name")
                .contains("//kafka:9092");
    }

    @Test
    void replicasRunTheSameImageOfTheJarOnAPlainJre() throws IOException {
        Map<String, Object> build = map(service("app1").get("build"));
        assertThat(service("app2").get("build")).isEqualTo(build);
        Path dockerfile = DEPLOY.resolve(string(build.get("context")));
        String text = Files.readString(dockerfile.resolve(string(build.get("dockerfile"))));
        List<String> stages = text.lines().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(stages.get(stages.size() - 1)).as("the image that runs").contains("-jre");
        assertThat(text).contains("\"-jar\"");
    }

    @Test
    void everyReplicaSharesTheDatabaseBrokerMediaSecretAndTokens() {
        Map<String, Object> first = environment("app1");
        Map<String, Object> postgres = map(service("postgres").get("environment"));
        assertThat(string(first.get("SPRING_DATASOURCE_URL")))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(first.get("SPRING_DATASOURCE_USERNAME"))
                .isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(first.get("SPRING_DATASOURCE_PASSWORD"))
                .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat(first.get("SPARKADS_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
        assertThat(string(first.get("SPARKADS_IMPRESSION_SECRET")))
                .as("taken from the operator's environment, never a value in the file")
                .startsWith("${SPARKADS_IMPRESSION_SECRET:?");
        for (String shared :
                List.of(
                        "SPRING_DATASOURCE_URL",
                        "SPRING_DATASOURCE_PASSWORD",
                        "SPARKADS_KAFKA_BOOTSTRAP_SERVERS",
                        "SPARKADS_MEDIA_DIRECTORY",
                        "SPARKADS_TRUSTED_PROXIES",
                        "SPARKADS_IMPRESSION_SECRET",
                        "SPARKADS_PLATFORM_TOKEN",
                        "SPARKADS_ADMIN_TOKEN")) {
            for (String replica : REPLICAS) {
                assertThat(environment(replica).get(shared))
                        .as("%s of %s", shared, replica)
                        .isNotNull()
                        .isEqualTo(first.get(shared));
            }
        }
        String media = string(first.get("SPARKADS_MEDIA_DIRECTORY"));
        for (String replica : REPLICAS) {
            assertThat(list(service(replica).get("volumes")))
                    .as("the media directory of %s is the shared named volume", replica)
                    .contains("media:" + media);
        }
        assertThat(map(compose.get("volumes"))).containsKey("media");
    }

    @Test
    void theDemoWorkspaceIsCreatedByOneReplicaOnly() {
        List<Object> demo =
                REPLICAS.stream().map(r -> environment(r).get("SPARKADS_DEMO_ENABLED")).toList();
        assertThat(demo).containsExactlyInAnyOrder("true", "false");
    }

    @Test
    void theLoadBalancerChecksReadinessOfEachReplicaAndIsTheTrustedProxy() throws IOException {
        Map<String, Object> lb = service("lb");
        String mount =
                list(lb.get("volumes")).stream()
                        .map(String::valueOf)
                        .filter(v -> v.endsWith("haproxy.cfg:ro"))
                        .findFirst()
                        .orElseThrow();
        String config = Files.readString(DEPLOY.resolve(mount.substring(0, mount.indexOf(':'))));
        assertThat(config).contains("option httpchk GET /actuator/health/readiness");
        for (String replica : REPLICAS) {
            assertThat(config)
                    .containsPattern("(?m)^\\s*server \\S+ " + replica + ":8080 check\\s*$");
        }
        assertThat(config).contains("option forwardfor");
        String address = string(map(map(lb.get("networks")).get("sparkads")).get("ipv4_address"));
        assertThat(environment("app1").get("SPARKADS_TRUSTED_PROXIES")).isEqualTo(address);
        assertThat(list(lb.get("depends_on"))).containsAll(REPLICAS);
    }

    @Test
    void everySettingAReplicaIsGivenIsOneTheApplicationReads() throws IOException {
        Set<String> read = settingsTheApplicationReads();
        Set<String> unread = new TreeSet<>();
        for (String replica : REPLICAS) {
            for (String name : environment(replica).keySet()) {
                if (!read.contains(name)) {
                    unread.add(name);
                }
            }
        }
        assertThat(unread).as("settings no part of the application reads").isEmpty();
    }

    /**
     * The environment names the application reads: placeholders in application.yml, its keys, the
     * properties Java code reads with {@code ${…}}, and Spring Boot's own documented properties.
     */
    private static Set<String> settingsTheApplicationReads() throws IOException {
        Set<String> names = new HashSet<>();
        Path yml = Path.of("src/main/resources/application.yml");
        Matcher placeholder =
                Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(Files.readString(yml));
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        List<String> properties = new ArrayList<>();
        keys("", yaml(yml), properties);
        Pattern javaProperty = Pattern.compile("\\$\\{([a-z][a-z0-9.\\-]*)[:}]");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = javaProperty.matcher(Files.readString(source));
                while (m.find()) {
                    properties.add(m.group(1));
                }
            }
        }
        JsonMapper json = JsonMapper.builder().build();
        for (URL url :
                Collections.list(
                        DeploymentDescriptorTest.class
                                .getClassLoader()
                                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    properties.add(property.path("name").asString());
                }
            }
        }
        for (String property : properties) {
            // Spring Boot binds SPARKADS_TRUSTEDPROXIES and, for a dashed name,
            // SPARKADS_TRUSTED_PROXIES
            String upper = property.toUpperCase().replace('.', '_');
            names.add(upper.replace("-", ""));
            names.add(upper.replace('-', '_'));
        }
        return names;
    }

    private static void keys(String prefix, Map<String, Object> node, List<String> into) {
        node.forEach(
                (key, value) -> {
                    String name = prefix + key;
                    into.add(name);
                    if (value instanceof Map<?, ?>) {
                        keys(name + ".", map(value), into);
                    }
                });
    }

    private Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    private Map<String, Object> environment(String replica) {
        return map(service(replica).get("environment"));
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return (List<Object>) node;
    }

    private static String string(Object node) {
        return String.valueOf(node);
    }
}
