package io.sparkads;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SparkAdsApplication {
    public static void main(String[] args) {
        SpringApplication.run(SparkAdsApplication.class, args);
    }
}
