package io.sparkads.delivery;

import io.sparkads.delivery.engine.AdDecisionEngine;
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

    @Bean
    AdDecisionEngine adDecisionEngine(ImpressionIds impressionIds, Clock clock) {
        return new AdDecisionEngine(impressionIds, clock);
    }
}
