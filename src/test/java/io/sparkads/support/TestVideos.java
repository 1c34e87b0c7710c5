package io.sparkads.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real video files under {@code src/test/resources/videos}, made once with ffmpeg. */
public final class TestVideos {
    /** 9:16, 540×960, 6 s, H.264: fits In-Feed and TopView. */
    public static final String VERTICAL = "vertical-540x960-6s.mp4";

    /** 1:1, 640×640, 6 s: fits In-Feed only. */
    public static final String SQUARE = "square-640x640-6s.mp4";

    private TestVideos() {}

    public static byte[] bytes(String name) {
        try (InputStream in = TestVideos.class.getResourceAsStream("/videos/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test video " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy in a temporary file, e.g. for a browser's file input. */
    public static Path file(String name) {
        try {
            Path file = Files.createTempFile("sparkads-", "-" + name);
            Files.write(file, bytes(name));
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
