package io.sparkads.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.TestVideos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A server whose videos go to an S3-compatible bucket ({@link FakeS3}, which checks every request's
 * signature): an upload lands in the bucket and not on the server's disk, and the video is served
 * from the bucket, whole and by range, as a player seeks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class S3MediaIT {
    static final FakeS3 S3;
    static final String DATA_DIR = "target/it-data/s3-" + java.util.UUID.randomUUID();

    static {
        try {
            S3 = new FakeS3("spark-media", "AKIT", "it-secret", "eu-west-1");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) {
        registry.add("sparkads.data-dir", () -> DATA_DIR);
        registry.add("sparkads.media.s3.endpoint", () -> S3.endpoint().toString());
        registry.add("sparkads.media.s3.bucket", () -> "spark-media");
        registry.add("sparkads.media.s3.region", () -> "eu-west-1");
        registry.add("sparkads.media.s3.access-key", () -> "AKIT");
        registry.add("sparkads.media.s3.secret-key", () -> "it-secret");
    }

    @AfterAll
    static void stop() {
        S3.close();
    }

    @LocalServerPort int port;

    ApiClient api;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        given = new ApiFixtures(api);
    }

    @Test
    void anUploadGoesToTheBucketAndIsServedFromItWholeAndByRange() throws Exception {
        var owner = given.givenAdvertiser();
        byte[] bytes = TestVideos.bytes(TestVideos.VERTICAL);

        JsonNode video = given.givenUploadedVideo(owner, bytes);

        String id = video.path("video_id").asString();
        assertThat(S3.objects).containsKeys(id + ".mp4", id + ".jpg");
        assertThat(S3.objects.get(id + ".mp4")).isEqualTo(bytes);
        assertThat(filesUnder(Path.of(DATA_DIR, "videos"))).isZero();
        assertThat(filesUnder(Path.of(DATA_DIR, "incoming-videos"))).isZero();

        String url = video.path("url").asString();
        Map<String, String> asOwner = Map.of("Access-Token", owner.token());
        var whole = api.fetch(url, asOwner);
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.contentType()).isEqualTo("video/mp4");
        assertThat(whole.body()).isEqualTo(bytes);

        var range =
                api.fetch(url, Map.of("Access-Token", owner.token(), "Range", "bytes=1000-1999"));
        assertThat(range.status()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
        assertThat(S3.requests).contains("GET /spark-media/" + id + ".mp4 bytes=1000-");

        var poster = api.fetch(url + "/poster.jpg", asOwner);
        assertThat(poster.status()).isEqualTo(200);
        assertThat(poster.body()).isEqualTo(S3.objects.get(id + ".jpg"));
    }

    @Test
    void anUploadTheBucketDoesNotTakeIsRefusedSayingToSendItAgainAndLeavesNothing()
            throws Exception {
        var owner = given.givenAdvertiser();
        byte[] bytes = TestVideos.bytes(TestVideos.VERTICAL);
        int objectsBefore = S3.objects.size();

        S3.away = true;
        ApiClient.Response refused;
        try {
            refused =
                    api.businessUpload(
                            owner.token(),
                            "/file/video/ad/upload/",
                            Map.of("advertiser_id", owner.id()),
                            "video_file",
                            "clip.mp4",
                            bytes);
        } finally {
            S3.away = false;
        }

        // the Business API answers in its envelope: TikTok's server-side code, and what to do
        assertThat(refused.status()).as(refused.raw()).isEqualTo(200);
        assertThat(refused.code()).isEqualTo(50000);
        assertThat(refused.message())
                .contains("The video store did not take the upload")
                .contains("send the same upload again later");
        assertThat(S3.objects).hasSize(objectsBefore);
        assertThat(filesUnder(Path.of(DATA_DIR, "incoming-videos"))).isZero();

        // and the same upload sent again once the bucket is back is taken
        JsonNode video = given.givenUploadedVideo(owner, bytes);
        assertThat(S3.objects).containsKey(video.path("video_id").asString() + ".mp4");
    }

    private static long filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.count();
        }
    }
}
