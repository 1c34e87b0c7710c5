package io.sparkads.content;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poster frame of an uploaded video (its first picture, as a JPEG), shown in the feed before
 * the video plays and in the Ads Manager. ffmpeg decodes every codec and is used where it is
 * installed; otherwise, or when ffmpeg fails, JCodec decodes H.264 in plain Java.
 */
final class PosterFrames {
    private static final Logger log = LoggerFactory.getLogger(PosterFrames.class);

    /** Which decoder makes the frame. */
    enum Decoder {
        FFMPEG,
        JCODEC
    }

    private final Optional<Path> ffmpeg;

    /**
     * @param ffmpeg ffmpeg's path, empty to look for it on the {@code PATH}, or {@code none} to use
     *     JCodec only
     */
    PosterFrames(String ffmpeg) {
        this.ffmpeg =
                "none".equals(ffmpeg)
                        ? Optional.empty()
                        : ffmpeg == null || ffmpeg.isBlank()
                                ? onPath("ffmpeg")
                                : Optional.of(Path.of(ffmpeg)).filter(Files::isExecutable);
    }

    Decoder decoder() {
        return ffmpeg.isPresent() ? Decoder.FFMPEG : Decoder.JCODEC;
    }

    /**
     * Writes the first frame of {@code video} to {@code poster} as a JPEG; false when no picture
     * could be decoded from it.
     */
    boolean write(Path video, Path poster) {
        try {
            if (ffmpeg.isPresent() && withFfmpeg(ffmpeg.get(), video, poster)) {
                return true;
            }
            return withJCodec(video, poster);
        } catch (IOException | RuntimeException | JCodecException e) {
            log.info("No poster frame from {}: {}", video.getFileName(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean withFfmpeg(Path ffmpeg, Path video, Path poster)
            throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(
                                List.of(
                                        ffmpeg.toString(),
                                        "-nostdin",
                                        "-v",
                                        "error",
                                        "-y",
                                        "-i",
                                        video.toString(),
                                        "-frames:v",
                                        "1",
                                        "-f",
                                        "image2",
                                        "-c:v",
                                        "mjpeg",
                                        "-q:v",
                                        "3",
                                        poster.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0 && Files.isRegularFile(poster) && decodable(poster);
    }

    private static boolean withJCodec(Path video, Path poster) throws IOException, JCodecException {
        Picture picture = FrameGrab.getFrameFromFile(video.toFile(), 0);
        if (picture == null) {
            return false;
        }
        BufferedImage image = AWTUtil.toBufferedImage(picture);
        return ImageIO.write(image, "jpg", poster.toFile());
    }

    private static boolean decodable(Path image) throws IOException {
        BufferedImage read = ImageIO.read(image.toFile());
        return read != null && read.getWidth() > 0;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
