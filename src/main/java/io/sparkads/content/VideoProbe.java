package io.sparkads.content;

import static org.mp4parser.tools.Path.getPath;

import io.sparkads.common.Refusal;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.ChunkOffsetBox;
import org.mp4parser.boxes.iso14496.part12.FileTypeBox;
import org.mp4parser.boxes.iso14496.part12.HandlerBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleDescriptionBox;
import org.mp4parser.boxes.iso14496.part12.SampleSizeBox;
import org.mp4parser.boxes.iso14496.part12.SampleToChunkBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.support.Matrix;

/**
 * Reads what an uploaded MP4 or MOV file really holds, with mp4parser's ISO base media parser: the
 * brand (an image such as HEIC or AVIF is refused), the movie header's duration, and the video
 * track's codec, display size and samples, whose bytes must all lie inside the file's media data.
 * Every refusal says what to fix.
 *
 * <p>The top-level boxes are walked here first, so that a box claiming more bytes than the file has
 * is refused before the parser could allocate for it, and only {@code ftyp} and {@code moov} (never
 * the media data) are handed to the parser.
 */
final class VideoProbe {
    /** What the parser found; the display size is after the track's rotation. */
    record Facts(String contentType, String codec, int durationMs, int width, int height) {}

    /** Brands of HEIF still images and image sequences (HEIC, AVIF), which are not videos. */
    private static final Set<String> IMAGE_BRANDS =
            Set.of(
                    "mif1", "mif2", "msf1", "heic", "heix", "heim", "heis", "hevc", "hevx", "heif",
                    "avif", "avis", "avio", "jpeg", "jpgs", "avci", "avcs");

    /** H.264 and H.265 sample entries: what TikTok takes, H.264 recommended. */
    private static final Set<String> VIDEO_CODECS = Set.of("avc1", "avc3", "hvc1", "hev1");

    /** A movie header larger than this is not a short video's. */
    private static final long MAX_MOOV_BYTES = 64L << 20;

    private static final String FIX = "; export it again as an MP4 (H.264) video";

    private VideoProbe() {}

    static Facts read(Path file) throws IOException {
        ByteBuffer start = head(file);
        if (isWebM(start)) {
            throw Refusal.invalid(
                    "video_file is a WebM video; TikTok ads take MP4 or MOV: export it as an MP4 (H.264) video");
        }
        if (start.hasRemaining() || !fourCc(start, 4).equals("ftyp")) {
            throw Refusal.invalid("video_file is not an MP4 or MOV video" + FIX);
        }
        List<TopBox> boxes = topLevelBoxes(file);
        TopBox ftyp = boxes.get(0);
        TopBox moov = boxes.stream().filter(b -> b.type().equals("moov")).findFirst().orElse(null);
        List<TopBox> media = boxes.stream().filter(b -> b.type().equals("mdat")).toList();
        byte[] head = read(file, ftyp);
        try (IsoFile iso =
                new IsoFile(
                        new BoundedBoxParser.Channel(
                                concat(head, moov == null ? new byte[0] : read(file, moov))),
                        new BoundedBoxParser())) {
            FileTypeBox type = iso.getBoxes(FileTypeBox.class).get(0);
            String brand = type.getMajorBrand();
            if (IMAGE_BRANDS.contains(brand)) {
                throw Refusal.invalid(
                        "video_file is an image ("
                                + brand
                                + " brand, e.g. HEIC or AVIF), not a video; upload an MP4 or MOV video");
            }
            if (moov == null) {
                throw Refusal.invalid(
                        "video_file has no movie header (moov box): the file is cut short or not a finished video"
                                + FIX);
            }
            return facts(iso.getMovieBox(), brand, media);
        } catch (Refusal refusal) {
            throw refusal;
        } catch (BoundedBoxParser.OversizedBox e) {
            throw Refusal.invalid(
                    "video_file is damaged: a box in its movie header claims more bytes than the file has"
                            + FIX);
        } catch (RuntimeException | IOException e) {
            throw Refusal.invalid("video_file's MP4/MOV structure is damaged" + FIX);
        }
    }

    private static Facts facts(MovieBox movie, String brand, List<TopBox> media) {
        MovieHeaderBox header = movie.getMovieHeaderBox();
        if (header == null || header.getTimescale() <= 0 || header.getDuration() <= 0) {
            throw Refusal.invalid(
                    "video_file has no duration in its movie header (a fragmented or unfinished recording?)"
                            + FIX);
        }
        long millis = header.getDuration() * 1000 / header.getTimescale();
        TrackBox video = null;
        for (TrackBox track : movie.getBoxes(TrackBox.class)) {
            HandlerBox handler = getPath(track, "mdia[0]/hdlr[0]");
            if (handler != null && "vide".equals(handler.getHandlerType())) {
                video = track;
                break;
            }
        }
        if (video == null) {
            throw Refusal.invalid("video_file has no video track (sound only?)" + FIX);
        }
        SampleDescriptionBox stsd = getPath(video, "mdia[0]/minf[0]/stbl[0]/stsd[0]");
        String codec =
                stsd == null || stsd.getBoxes().isEmpty() ? "" : stsd.getBoxes().get(0).getType();
        if (!VIDEO_CODECS.contains(codec)) {
            throw Refusal.invalid(
                    "video_file's video is coded as '"
                            + codec
                            + "'; TikTok takes H.264 (recommended) or H.265"
                            + FIX);
        }
        checkSamplesPresent(video, media);
        TrackHeaderBox tkhd = video.getTrackHeaderBox();
        int width = (int) Math.round(tkhd.getWidth());
        int height = (int) Math.round(tkhd.getHeight());
        Matrix m = tkhd.getMatrix();
        if (Matrix.ROTATE_90.equals(m) || Matrix.ROTATE_270.equals(m)) {
            int swap = width;
            width = height;
            height = swap;
        }
        if (width <= 0 || height <= 0) {
            throw Refusal.invalid("video_file's video track has no picture size" + FIX);
        }
        String contentType = brand.startsWith("qt") ? "video/quicktime" : "video/mp4";
        return new Facts(
                contentType, codec, (int) Math.min(millis, Integer.MAX_VALUE), width, height);
    }

    /**
     * A file cut short keeps a complete {@code moov} when it was written first (fast start), so the
     * samples are checked too: every chunk of the video track, with its samples' sizes, must lie
     * inside one {@code mdat} box that is all in the file.
     */
    private static void checkSamplesPresent(TrackBox video, List<TopBox> media) {
        String stbl = "mdia[0]/minf[0]/stbl[0]/";
        SampleSizeBox stsz = getPath(video, stbl + "stsz[0]");
        SampleToChunkBox stsc = getPath(video, stbl + "stsc[0]");
        ChunkOffsetBox offsets = getPath(video, stbl + "stco[0]");
        if (offsets == null) {
            offsets = getPath(video, stbl + "co64[0]");
        }
        if (stsz == null || stsc == null || offsets == null || stsz.getSampleCount() == 0) {
            throw Refusal.invalid("video_file's video track has no frames" + FIX);
        }
        long[] chunks = offsets.getChunkOffsets();
        long[] perChunk = stsc.blowup(chunks.length);
        long count = stsz.getSampleCount();
        long constant = stsz.getSampleSize();
        long sample = 0;
        for (int c = 0; c < chunks.length; c++) {
            long inChunk = Math.max(0, Math.min(perChunk[c], count - sample));
            long end = chunks[c];
            if (constant > 0) {
                // one size for all samples: no table to walk, however many samples are claimed
                end = Math.addExact(end, Math.multiplyExact(inChunk, constant));
                sample += inChunk;
            } else {
                for (long s = 0; s < inChunk; s++) {
                    end = Math.addExact(end, stsz.getSampleSizeAtIndex((int) sample++));
                }
            }
            long start = chunks[c];
            long chunkEnd = end;
            if (media.stream().noneMatch(b -> b.contentStart() <= start && chunkEnd <= b.end())) {
                throw Refusal.invalid(
                        "video_file is cut short: its video frames are not all in the file" + FIX);
            }
        }
    }

    /** A top-level box: where its content starts and where it ends, both inside the file. */
    private record TopBox(String type, long start, long contentStart, long end) {}

    private static List<TopBox> topLevelBoxes(Path file) throws IOException {
        List<TopBox> boxes = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position < size && boxes.size() < 1000) {
                header.clear().limit(8);
                if (channel.read(header, position) < 8) {
                    throw Refusal.invalid(
                            "video_file is cut short in the middle of a box header" + FIX);
                }
                long length = Integer.toUnsignedLong(header.getInt(0));
                String type = fourCc(header, 4);
                long contentStart = position + 8;
                if (length == 1) {
                    header.clear().limit(8);
                    if (channel.read(header, position + 8) < 8) {
                        throw Refusal.invalid("video_file is cut short" + FIX);
                    }
                    length = header.getLong(0);
                    contentStart += 8;
                } else if (length == 0) {
                    length = size - position;
                }
                if (length < contentStart - position || length > size - position) {
                    throw Refusal.invalid(
                            "video_file is cut short or damaged: its '"
                                    + printable(type)
                                    + "' box claims "
                                    + length
                                    + " bytes but the file ends before"
                                    + FIX);
                }
                if ((type.equals("moov") || type.equals("ftyp")) && length > MAX_MOOV_BYTES) {
                    throw Refusal.invalid("video_file's movie header is too large" + FIX);
                }
                boxes.add(new TopBox(type, position, contentStart, position + length));
                position += length;
            }
        }
        return boxes;
    }

    /** The first 8 bytes, or fewer if the file is shorter: MP4 and MOV open with {@code ftyp}. */
    private static ByteBuffer head(Path file) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // until 8 bytes or the end
            }
        }
        return head;
    }

    /** WebM starts with an EBML header; it is refused by name rather than as "not a video". */
    private static boolean isWebM(ByteBuffer head) {
        return head.position() >= 4 && head.getInt(0) == 0x1A45DFA3;
    }

    private static byte[] read(Path file, TopBox box) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) (box.end() - box.start()));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, box.start() + bytes.position()) < 0) {
                    throw new IOException("file ended early");
                }
            }
        }
        return bytes.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static String fourCc(ByteBuffer buffer, int at) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) (buffer.get(at + i) & 0xFF);
        }
        return new String(chars);
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? type : "?";
    }
}
