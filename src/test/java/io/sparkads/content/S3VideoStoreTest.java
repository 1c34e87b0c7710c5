package io.sparkads.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;

/**
 * The bucket store against {@link FakeS3}, an in-test HTTP server that checks each request's
 * Signature Version 4 (no S3-compatible server runs here).
 */
class S3VideoStoreTest {
    @TempDir Path dir;
    FakeS3 s3;
    S3VideoStore store;
    byte[] video = new byte[100_000];

    @BeforeEach
    void start() throws IOException {
        s3 = new FakeS3("media", "AKTEST", "secret/key+1", "eu-central-1");
        store = storeWith("secret/key+1");
        new Random(7).nextBytes(video);
    }

    @AfterEach
    void stop() {
        s3.close();
    }

    @Test
    void aSavedVideoIsReadBackWhole() throws Exception {
        store.save("42.mp4", file(video), "video/mp4");

        Resource found = store.find("42.mp4").orElseThrow();

        assertThat(s3.objects.get("42.mp4")).isEqualTo(video);
        assertThat(found.contentLength()).isEqualTo(video.length);
        try (InputStream in = found.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(video);
        }
    }

    @Test
    void readingFromAnOffsetAsksTheBucketForThoseBytesOnly() throws Exception {
        store.save("43.mp4", file(video), "video/mp4");
        Resource found = store.find("43.mp4").orElseThrow();

        byte[] part;
        try (InputStream in = found.getInputStream()) {
            assertThat(in.skip(60_000)).isEqualTo(60_000);
            part = in.readNBytes(100);
        }

        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(video, 60_000, 60_100));
        assertThat(s3.requests).contains("GET /media/43.mp4 bytes=60000-");
    }

    @Test
    void aMissingOrDeletedObjectIsNotFound() throws Exception {
        assertThat(store.find("44.mp4")).isEmpty();
        store.save("45.jpg", file(new byte[] {1, 2, 3}), "image/jpeg");

        store.delete("45.jpg");

        assertThat(store.find("45.jpg")).isEmpty();
        assertThat(s3.objects).doesNotContainKey("45.jpg");
    }

    @Test
    void aWrongSecretIsReportedWithTheBucketsAnswerAndWhatToCheck() throws Exception {
        S3VideoStore wrong = storeWith("not-the-secret");
        Path file = file(video);

        assertThatThrownBy(() -> wrong.save("46.mp4", file, "video/mp4"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("answered 403 (SignatureDoesNotMatch) to PUT 46.mp4")
                .hasMessageContaining("SPARKADS_MEDIA_S3_");
        assertThat(s3.objects).isEmpty();
    }

    @Test
    void keysThatCouldLeaveTheBucketsFolderAreRefused() {
        assertThatThrownBy(() -> store.find("../other/1.mp4"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.find("a/b.mp4"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void virtualHostedStylePutsTheBucketInTheHostName() {
        S3VideoStore hosted =
                new S3VideoStore(
                        URI.create("https://s3.eu-central-1.amazonaws.com"),
                        "media",
                        false,
                        new S3Signer("a", "b", "eu-central-1"),
                        Clock.systemUTC());

        assertThat(hosted.objectUri("7.mp4"))
                .hasToString("https://media.s3.eu-central-1.amazonaws.com/7.mp4");
        assertThat(store.objectUri("7.mp4").getPath()).isEqualTo("/media/7.mp4");
    }

    @Test
    void aHalfConfiguredBucketStopsTheStartWithWhatIsMissing() {
        assertThatThrownBy(
                        () ->
                                VideoStoreConfiguration.bucket(
                                        Clock.systemUTC(),
                                        "http://minio:9000",
                                        "",
                                        "us-east-1",
                                        "",
                                        "s",
                                        true))
                .hasMessageContaining("SPARKADS_MEDIA_S3_BUCKET")
                .hasMessageContaining("SPARKADS_MEDIA_S3_ACCESS_KEY")
                .hasMessageNotContaining("SECRET_KEY");
        assertThatThrownBy(
                        () ->
                                VideoStoreConfiguration.bucket(
                                        Clock.systemUTC(),
                                        "minio:9000",
                                        "media",
                                        "us-east-1",
                                        "a",
                                        "s",
                                        true))
                .hasMessageContaining("'minio:9000' is not an http(s) address");
    }

    private S3VideoStore storeWith(String secret) {
        return new S3VideoStore(
                s3.endpoint(),
                "media",
                true,
                new S3Signer("AKTEST", secret, "eu-central-1"),
                Clock.systemUTC());
    }

    private Path file(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "upload", ".bin");
        Files.write(file, bytes);
        return file;
    }
}
