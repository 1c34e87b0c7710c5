package io.sparkads.common.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API docs show fields as they travel: snake_case, like every API here. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(
                Json.mapper()
                        .copy()
                        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI sparkAdsOpenApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Spark Ads")
                                .version("v1")
                                .description(
                                        "Platform API (host app, Bearer platform token), admin API (Bearer admin token) and the "
                                                + "TikTok-compatible Business API (Access-Token header)."));
    }
}
