package io.sparkads.content;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the {@link VideoStore}: an S3-compatible bucket when {@code sparkads.media.s3.endpoint}
 * ({@code SPARKADS_MEDIA_S3_ENDPOINT}) is set, else the directory {@code sparkads.media.directory}
 * ({@code SPARKADS_MEDIA_DIRECTORY}, default {@code <data-dir>/videos}). A half-configured bucket
 * stops the start with what is missing, rather than failing the first upload.
 */
@Configuration(proxyBeanMethods = false)
class VideoStoreConfiguration {
    private static final Logger log = LoggerFactory.getLogger(VideoStoreConfiguration.class);

    @Bean
    VideoStore videoStore(
            Clock clock,
            @Value("${sparkads.data-dir}") String dataDir,
            @Value("${sparkads.media.directory:}") String directory,
            @Value("${sparkads.media.s3.endpoint:}") String endpoint,
            @Value("${sparkads.media.s3.bucket:}") String bucket,
            @Value("${sparkads.media.s3.region:us-east-1}") String region,
            @Value("${sparkads.media.s3.access-key:}") String accessKey,
            @Value("${sparkads.media.s3.secret-key:}") String secretKey,
            @Value("${sparkads.media.s3.path-style:true}") boolean pathStyle) {
        VideoStore store =
                endpoint.isBlank()
                        ? new DirectoryVideoStore(
                                directory.isBlank()
                                        ? Path.of(dataDir, "videos")
                                        : Path.of(directory))
                        : bucket(clock, endpoint, bucket, region, accessKey, secretKey, pathStyle);
        log.info("Uploaded videos are kept in the {}", store.describe());
        return store;
    }

    static S3VideoStore bucket(
            Clock clock,
            String endpoint,
            String bucket,
            String region,
            String accessKey,
            String secretKey,
            boolean pathStyle) {
        URI uri;
        try {
            uri = URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalStateException(
                    "SPARKADS_MEDIA_S3_ENDPOINT '"
                            + endpoint
                            + "' is not an http(s) address such as https://s3.eu-west-1.amazonaws.com"
                            + " or http://minio:9000");
        }
        StringBuilder missing = new StringBuilder();
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            missing.append(
                    " SPARKADS_MEDIA_S3_BUCKET (3–63 lower-case letters, digits, dots, hyphens)");
        }
        if (accessKey.isBlank()) {
            missing.append(" SPARKADS_MEDIA_S3_ACCESS_KEY");
        }
        if (secretKey.isBlank()) {
            missing.append(" SPARKADS_MEDIA_S3_SECRET_KEY");
        }
        if (region.isBlank()) {
            missing.append(" SPARKADS_MEDIA_S3_REGION");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "SPARKADS_MEDIA_S3_ENDPOINT is set, so videos go to a bucket, but these are"
                            + " missing or invalid:"
                            + missing);
        }
        return new S3VideoStore(
                uri, bucket, pathStyle, new S3Signer(accessKey, secretKey, region.strip()), clock);
    }
}
