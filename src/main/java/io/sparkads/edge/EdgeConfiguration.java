package io.sparkads.edge;

import io.sparkads.accounts.AccessTokens;
import io.sparkads.delivery.PlatformAdRequests;
import io.sparkads.tracking.PlatformEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Spring wiring of the lean listener: the same beans the MVC controllers use. */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    @Bean
    LeanListener leanListener(
            @Value("${sparkads.platform.port:-1}") int port,
            @Value("${sparkads.platform.io-threads:2}") int ioThreads,
            @Value("${sparkads.platform.blocking-threads:4}") int blockingThreads,
            AccessTokens tokens,
            PlatformAdRequests adRequests,
            PlatformEvents events,
            JsonMapper mapper) {
        return new LeanListener(
                new EdgeSettings(port, ioThreads, blockingThreads),
                new PlatformHandler(tokens, adRequests, events, mapper));
    }
}
