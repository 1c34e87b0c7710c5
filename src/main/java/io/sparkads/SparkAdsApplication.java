package io.sparkads;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class SparkAdsApplication {
    public static void main(String[] args) {
        SpringApplication.run(SparkAdsApplication.class, args);
    }
}
