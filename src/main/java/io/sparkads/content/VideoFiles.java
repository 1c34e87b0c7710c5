package io.sparkads.content;

import io.sparkads.common.Ids;
import io.sparkads.common.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Uploaded videos: type and size checked (by the bytes, not only the name), stored under the data
 * directory, and recorded only once the file is complete on disk.
 */
@Service
public class VideoFiles {
    /** Accepted containers, recognised by their first bytes. */
    static final Map<String, String> EXTENSIONS =
            Map.of("video/mp4", "mp4", "video/quicktime", "mov", "video/webm", "webm");

    private static final RowMapper<VideoFile> ROW =
            (rs, n) ->
                    new VideoFile(
                            rs.getLong("id"),
                            rs.getLong("advertiser_id"),
                            rs.getString("file_name"),
                            rs.getString("content_type"),
                            rs.getLong("size_bytes"),
                            rs.getString("sha256"),
                            (Integer) rs.getObject("duration_ms"),
                            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path directory;
    private final long maxBytes;

    VideoFiles(
            JdbcClient jdbc,
            Clock clock,
            @Value("${sparkads.data-dir}") String dataDir,
            @Value("${sparkads.content.max-video-bytes:524288000}") long maxBytes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.directory = Path.of(dataDir, "videos").toAbsolutePath();
        this.maxBytes = maxBytes;
    }

    public VideoFile store(
            long advertiserId,
            String fileName,
            long declaredSize,
            InputStream content,
            String expectedMd5) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255) {
            throw Refusal.invalid("file_name is required, at most 255 characters");
        }
        if (declaredSize <= 0) {
            throw Refusal.invalid("video_file is empty");
        }
        if (declaredSize > maxBytes) {
            throw Refusal.invalid(
                    "video_file is "
                            + declaredSize
                            + " bytes; at most "
                            + maxBytes
                            + " are accepted");
        }
        long id = Ids.next();
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve(id + ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (InputStream in = new DigestInputStream(new DigestInputStream(content, sha), md5)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            long size = Files.size(partial);
            String type = sniff(partial);
            if (type == null) {
                Files.deleteIfExists(partial);
                throw Refusal.invalid("video_file is not an MP4, MOV or WebM video");
            }
            if (size > maxBytes) {
                Files.deleteIfExists(partial);
                throw Refusal.invalid("video_file is larger than " + maxBytes + " bytes");
            }
            if (expectedMd5 != null
                    && !expectedMd5.isBlank()
                    && !expectedMd5.equalsIgnoreCase(HexFormat.of().formatHex(md5.digest()))) {
                Files.deleteIfExists(partial);
                throw Refusal.invalid(
                        "video_signature does not match the uploaded file's MD5; the upload was damaged, send it again");
            }
            Path stored = directory.resolve(id + "." + EXTENSIONS.get(type));
            Files.move(partial, stored, StandardCopyOption.ATOMIC_MOVE);
            jdbc.sql(
                            """
                            insert into video_files (id, advertiser_id, file_name, content_type, size_bytes, sha256, duration_ms, storage_path, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            advertiserId,
                            fileName,
                            type,
                            size,
                            HexFormat.of().formatHex(sha.digest()),
                            type.equals("video/webm")
                                    ? null
                                    : Mp4Duration.read(stored).orElse(null),
                            stored.toString(),
                            Timestamp.from(clock.instant()))
                    .update();
            return find(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<VideoFile> find(long id) {
        return jdbc.sql("select * from video_files where id = ?").param(id).query(ROW).optional();
    }

    /** The advertiser's video; another advertiser's is as unknown as a missing one. */
    public VideoFile get(long advertiserId, long id) {
        return find(id).filter(v -> v.advertiserId() == advertiserId)
                .orElseThrow(
                        () ->
                                Refusal.invalid(
                                        "video_id "
                                                + id
                                                + " is not a video of this ad account; upload it with file/video/ad/upload"));
    }

    public Optional<Path> path(long id) {
        return jdbc.sql("select storage_path from video_files where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .map(Path::of);
    }

    /** Recognises MP4/MOV (an ISO-BMFF {@code ftyp} box) and WebM (EBML) by their first bytes. */
    private static String sniff(Path file) throws IOException {
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read >= 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return head[8] == 'q' && head[9] == 't' ? "video/quicktime" : "video/mp4";
        }
        if (read >= 4
                && (head[0] & 0xFF) == 0x1A
                && (head[1] & 0xFF) == 0x45
                && (head[2] & 0xFF) == 0xDF
                && (head[3] & 0xFF) == 0xA3) {
            return "video/webm";
        }
        return null;
    }
}
