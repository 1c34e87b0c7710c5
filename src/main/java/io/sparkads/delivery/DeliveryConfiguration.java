package io.sparkads.delivery;

import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.delivery.engine.Exploration;
import io.sparkads.delivery.engine.ImpressionIds;
import io.sparkads.delivery.engine.ServingRules;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Spring wiring of the plain-Java decision engine. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    ImpressionIds impressionIds(
            JdbcClient jdbc,
            Clock clock,
            @Value("${sparkads.delivery.impression-secret:}") String configured) {
        if (!configured.isBlank()) {
            byte[] secret = configured.getBytes(StandardCharsets.UTF_8);
            if (secret.length < ImpressionIds.MIN_SECRET_BYTES) {
                throw new IllegalStateException(
                        "sparkads.delivery.impression-secret must be at least "
                                + ImpressionIds.MIN_SECRET_BYTES
                                + " bytes");
            }
            return new ImpressionIds(secret);
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql(
                        "insert into impression_signing_keys (id, secret, created_at) values (1, ?, ?) on conflict (id) do nothing")
                .params(fresh, Timestamp.from(clock.instant()))
                .update();
        return new ImpressionIds(
                jdbc.sql("select secret from impression_signing_keys where id = 1")
                        .query(byte[].class)
                        .single());
    }

    @Bean
    ServingRules servingRules(JdbcServingCounts counts) {
        return new ServingRules(counts);
    }

    /**
     * The engine explores with a fresh random seed per start (no two servers draw alike), on at
     * most {@code sparkads.delivery.exploration-share} of requests (default 5%; 0 turns it off).
     */
    @Bean
    AdDecisionEngine adDecisionEngine(
            ImpressionIds impressionIds,
            Clock clock,
            @Value("${sparkads.delivery.exploration-share:0.05}") double explorationShare) {
        if (!(explorationShare >= 0 && explorationShare < 1)) {
            throw new IllegalStateException(
                    "sparkads.delivery.exploration-share must be at least 0 and below 1, was "
                            + explorationShare);
        }
        return new AdDecisionEngine(
                impressionIds,
                clock,
                new Exploration(explorationShare, new SecureRandom().nextLong()));
    }
}
