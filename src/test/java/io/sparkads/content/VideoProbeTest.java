package io.sparkads.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real videos made with ffmpeg are read back as they were made, and give a poster frame. */
class VideoProbeTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}: {2}×{3}, {1} ms, {4}")
    @CsvSource({
        "vertical-540x960-6s.mp4, 6000, 540, 960, video/mp4",
        "square-640x640-6s.mp4, 6000, 640, 640, video/mp4",
        "landscape-960x540-6s.mp4, 6000, 960, 540, video/mp4",
        "vertical-540x960-6s.mov, 6000, 540, 960, video/quicktime",
    })
    void aRealVideoIsReadWithItsDurationSizeAndCodecAndFitsInFeed(
            String file, int durationMs, int width, int height, String type) throws Exception {
        Path video = copy(file);

        VideoProbe.Facts facts = VideoProbe.read(video);

        assertThat(facts.durationMs()).isEqualTo(durationMs);
        assertThat(facts.width()).isEqualTo(width);
        assertThat(facts.height()).isEqualTo(height);
        assertThat(facts.codec()).isEqualTo("avc1");
        assertThat(facts.contentType()).isEqualTo(type);
        assertThat(VideoSpecs.inFeedProblem(facts.durationMs(), facts.width(), facts.height()))
                .isEmpty();
    }

    @Test
    void onlyAVerticalVideoFitsTopView() throws Exception {
        VideoProbe.Facts vertical = VideoProbe.read(copy("vertical-540x960-6s.mp4"));
        VideoProbe.Facts square = VideoProbe.read(copy("square-640x640-6s.mp4"));

        assertThat(VideoSpecs.topViewProblem(6000, vertical.width(), vertical.height())).isEmpty();
        assertThat(VideoSpecs.topViewProblem(6000, square.width(), square.height()))
                .hasValueSatisfying(p -> assertThat(p).contains("needs a vertical 9:16 video"));
    }

    @Test
    void jcodecDecodesTheFirstFrameOfAnH264VideoAsAJpeg() throws Exception {
        Path poster = dir.resolve("poster.jpg");

        boolean made = new PosterFrames("none").write(copy("vertical-540x960-6s.mp4"), poster);

        assertThat(made).isTrue();
        assertThat(new PosterFrames("none").decoder()).isEqualTo(PosterFrames.Decoder.JCODEC);
        assertDecodable(poster, 540, 960);
    }

    @Test
    void ffmpegMakesThePosterFrameWhereItIsInstalled() throws Exception {
        PosterFrames frames = new PosterFrames("");
        if (frames.decoder() != PosterFrames.Decoder.FFMPEG) {
            // Not installed here: the JCodec test covers the fallback; CI installs ffmpeg.
            assertThat(System.getenv("CI"))
                    .as("ffmpeg must be installed on CI")
                    .isNotEqualTo("true");
            return;
        }
        Path poster = dir.resolve("poster.jpg");

        assertThat(frames.write(copy("landscape-960x540-6s.mp4"), poster)).isTrue();

        assertDecodable(poster, 960, 540);
    }

    @Test
    void noPosterComesFromAFileWithoutPictures() throws Exception {
        Path junk = copy("ftypisom-then-junk.mp4");

        assertThat(new PosterFrames("none").write(junk, dir.resolve("a.jpg"))).isFalse();
        assertThat(new PosterFrames("").write(junk, dir.resolve("b.jpg"))).isFalse();
    }

    @Test
    void theSpecsBoundariesAreTikToksInFeedAndTopViewLimits() {
        assertThat(VideoSpecs.inFeedProblem(4_999, 1080, 1920)).isPresent();
        assertThat(VideoSpecs.inFeedProblem(5_000, 1080, 1920)).isEmpty();
        assertThat(VideoSpecs.inFeedProblem(600_000, 1080, 1920)).isEmpty();
        assertThat(VideoSpecs.inFeedProblem(600_001, 1080, 1920)).isPresent();
        assertThat(VideoSpecs.topViewProblem(60_000, 720, 1280)).isEmpty();
        assertThat(VideoSpecs.topViewProblem(60_001, 720, 1280))
                .hasValueSatisfying(p -> assertThat(p).contains("5 seconds to 60 seconds"));
        assertThat(VideoSpecs.inFeedProblem(6_000, 544, 960)).as("encoder rounding").isEmpty();
        assertThat(VideoSpecs.inFeedProblem(6_000, 1080, 1350)).as("4:5").isPresent();
        assertThat(VideoSpecs.inFeedProblem(6_000, 600, 600))
                .hasValueSatisfying(p -> assertThat(p).contains("at least 640×640"));
    }

    private Path copy(String name) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, VideoFilesTest.resource(name));
        return file;
    }

    private static void assertDecodable(Path jpeg, int width, int height) throws Exception {
        BufferedImage image = ImageIO.read(jpeg.toFile());
        assertThat(image).as("a decodable JPEG").isNotNull();
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
    }
}
