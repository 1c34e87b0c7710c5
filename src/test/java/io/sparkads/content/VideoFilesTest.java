package io.sparkads.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.common.Refusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Uploads refused before anything is recorded: each with the message that says what to fix, and no
 * file left behind. The files are real ones made with ffmpeg (see {@code
 * src/test/resources/videos/README.md}).
 */
class VideoFilesTest {
    @TempDir Path dataDir;

    @Test
    void aVideoOverTheSizeLimitIsRefusedBeforeAnythingIsStored() throws Exception {
        VideoFiles videos = newVideoFiles(10);
        assertThatThrownBy(
                        () ->
                                videos.store(
                                        1,
                                        "big.mp4",
                                        11,
                                        new ByteArrayInputStream(new byte[11]),
                                        null))
                .hasMessageContaining("at most 10");
        assertThatThrownBy(
                        () ->
                                videos.store(
                                        1,
                                        "empty.mp4",
                                        0,
                                        new ByteArrayInputStream(new byte[0]),
                                        null))
                .hasMessageContaining("empty");
        assertThatThrownBy(
                        () -> videos.store(1, " ", 5, new ByteArrayInputStream(new byte[5]), null))
                .hasMessageContaining("file_name");
        assertThat(leftBehind()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "still-image.heic         | is an image (heic brand",
                "still-image.avif         | is an image (avif brand",
                "ftypisom-then-junk.mp4   | is cut short or damaged",
                "truncated-100-bytes.mp4  | is cut short or damaged: its 'moov' box claims",
                "vertical-540x960-1s.mp4  | the video lasts 1 s; In-Feed videos last 5 seconds to 10 minutes",
                "vertical-270x480-6s.mp4  | the video is 270×480; a 9:16 video needs at least 540×960 pixels",
                "portrait-720x960-6s.mp4  | the video is 720×960; TikTok takes an aspect ratio of 9:16",
            })
    void aFileThatIsNotAnAcceptableVideoIsRefusedWithWhatToFixAndLeavesNothingBehind(
            String file, String message) throws Exception {
        VideoFiles videos = newVideoFiles(1 << 20);
        byte[] bytes = resource(file);

        assertThatThrownBy(
                        () ->
                                videos.store(
                                        1,
                                        file,
                                        bytes.length,
                                        new ByteArrayInputStream(bytes),
                                        null))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining(message);
        assertThat(leftBehind()).isEmpty();
    }

    @Test
    void textAndWebMAreRefusedByName() throws Exception {
        VideoFiles videos = newVideoFiles(1000);
        assertThatThrownBy(
                        () ->
                                videos.store(
                                        1,
                                        "notes.mp4",
                                        5,
                                        new ByteArrayInputStream("hello".getBytes()),
                                        null))
                .hasMessageContaining("not an MP4 or MOV video");
        byte[] webm = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0};
        assertThatThrownBy(() -> videos.store(1, "a.webm", 8, new ByteArrayInputStream(webm), null))
                .hasMessageContaining("WebM video; TikTok ads take MP4 or MOV");
        assertThat(leftBehind()).isEmpty();
    }

    @Test
    void aBoxInsideTheMovieHeaderClaimingGigabytesIsRefusedWithoutReservingThem() throws Exception {
        VideoFiles videos = newVideoFiles(1 << 20);
        for (String child : new String[] {"mvhd", "trak"}) {
            byte[] bomb = bomb(child);

            assertThatThrownBy(
                            () ->
                                    videos.store(
                                            1,
                                            "bomb.mp4",
                                            bomb.length,
                                            new ByteArrayInputStream(bomb),
                                            null))
                    .as(child)
                    .isInstanceOf(Refusal.class)
                    .hasMessageContaining("claims more bytes than the file has");
        }
        assertThat(leftBehind()).isEmpty();
    }

    /**
     * A hand-made hostile file, not a video: an {@code ftyp} box, then a {@code moov} box of 116
     * bytes whose one child claims 2 GB.
     */
    private static byte[] bomb(String child) {
        java.nio.ByteBuffer file = java.nio.ByteBuffer.allocate(24 + 116);
        file.putInt(24).put("ftypisom".getBytes()).putInt(512).put("isomavc1".getBytes());
        file.putInt(116).put("moov".getBytes());
        file.putInt(0x7FFF_FFF0).put(child.getBytes()).put(new byte[100]);
        return file.array();
    }

    private VideoFiles newVideoFiles(long maxBytes) {
        return new VideoFiles(
                null,
                Clock.systemUTC(),
                dataDir.toString(),
                maxBytes,
                "",
                new DirectoryVideoStore(dataDir.resolve("videos")));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = VideoFilesTest.class.getResourceAsStream("/videos/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Files in the store or in the folder where uploads are checked. */
    private java.util.List<Path> leftBehind() throws IOException {
        java.util.List<Path> found = new java.util.ArrayList<>();
        for (String name : new String[] {"videos", "incoming-videos"}) {
            Path folder = dataDir.resolve(name);
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    found.addAll(files.toList());
                }
            }
        }
        return found;
    }
}
