package io.sparkads;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One process, modules verified by Spring Modulith. {@code common} is shared: every module test
 * bootstraps it too, as every module uses its clock, ids and error handling.
 */
@SpringBootApplication
@EnableScheduling
@Modulithic(sharedModules = "common")
public class SparkAdsApplication {
    public static void main(String[] args) {
        SpringApplication.run(SparkAdsApplication.class, args);
    }
}
