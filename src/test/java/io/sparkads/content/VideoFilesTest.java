package io.sparkads.content;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFilesTest {
    @TempDir Path dataDir;

    @Test
    void aVideoOverTheSizeLimitIsRefusedBeforeAnythingIsStored() throws Exception {
        VideoFiles videos = new VideoFiles(null, Clock.systemUTC(), dataDir.toString(), 10);
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
        Path folder = dataDir.resolve("videos");
        try (var files =
                Files.exists(folder) ? Files.list(folder) : java.util.stream.Stream.<Path>empty()) {
            org.assertj.core.api.Assertions.assertThat(files).isEmpty();
        }
    }

    @Test
    void aFileThatIsNotAVideoLeavesNothingBehind() throws Exception {
        VideoFiles videos = new VideoFiles(null, Clock.systemUTC(), dataDir.toString(), 1000);
        assertThatThrownBy(
                        () ->
                                videos.store(
                                        1,
                                        "notes.mp4",
                                        5,
                                        new ByteArrayInputStream("hello".getBytes()),
                                        null))
                .hasMessageContaining("not an MP4, MOV or WebM");
        try (var files = Files.list(dataDir.resolve("videos"))) {
            org.assertj.core.api.Assertions.assertThat(files).isEmpty();
        }
    }
}
