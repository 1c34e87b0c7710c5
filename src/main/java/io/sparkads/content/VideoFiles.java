package io.sparkads.content;

import io.sparkads.common.Ids;
import io.sparkads.common.MediaViewer;
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
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Uploaded videos: the container parsed (an MP4 or MOV with a complete movie header and a video
 * track, see {@link VideoProbe}) and held to TikTok's In-Feed specs ({@link VideoSpecs}), a poster
 * frame made, both put in the {@link VideoStore} all servers share, and recorded only once the
 * files are complete there. Each gets a random URL token; {@link #readable} says who may fetch it.
 */
@Service
public class VideoFiles {
    private static final RowMapper<VideoFile> ROW =
            (rs, n) ->
                    new VideoFile(
                            rs.getLong("id"),
                            rs.getLong("advertiser_id"),
                            rs.getString("token"),
                            rs.getString("file_name"),
                            rs.getString("content_type"),
                            rs.getLong("size_bytes"),
                            rs.getString("sha256"),
                            (Integer) rs.getObject("duration_ms"),
                            (Integer) rs.getObject("width"),
                            (Integer) rs.getObject("height"),
                            rs.getString("codec"),
                            rs.getString("poster_path") != null,
                            rs.getTimestamp("published_at") == null
                                    ? null
                                    : rs.getTimestamp("published_at").toInstant(),
                            rs.getTimestamp("created_at").toInstant());

    /** 128 random bits, URL-safe: a token cannot be guessed from an upload's time or id. */
    private static final int TOKEN_BYTES = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path incoming;
    private final long maxBytes;
    private final PosterFrames posters;
    private final VideoStore store;

    VideoFiles(
            JdbcClient jdbc,
            Clock clock,
            @Value("${sparkads.data-dir}") String dataDir,
            @Value("${sparkads.content.max-video-bytes:524288000}") long maxBytes,
            @Value("${sparkads.content.ffmpeg:}") String ffmpeg,
            VideoStore store) {
        this.jdbc = jdbc;
        this.clock = clock;
        // checked on this server's own disk, then handed to the store all servers share
        this.incoming = Path.of(dataDir, "incoming-videos").toAbsolutePath();
        this.maxBytes = maxBytes;
        this.posters = new PosterFrames(ffmpeg);
        this.store = store;
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
        Path partial = incoming.resolve(id + ".part");
        Path poster = incoming.resolve(id + ".jpg");
        Path video = null;
        String videoKey = null;
        String posterKey = id + ".jpg";
        boolean stored = false;
        try {
            Files.createDirectories(incoming);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (InputStream in = new DigestInputStream(new DigestInputStream(content, sha), md5)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            long size = Files.size(partial);
            if (size > maxBytes) {
                throw Refusal.invalid("video_file is larger than " + maxBytes + " bytes");
            }
            if (expectedMd5 != null
                    && !expectedMd5.isBlank()
                    && !expectedMd5.equalsIgnoreCase(HexFormat.of().formatHex(md5.digest()))) {
                throw Refusal.invalid(
                        "video_signature does not match the uploaded file's MD5; the upload was damaged, send it again");
            }
            VideoProbe.Facts facts = VideoProbe.read(partial);
            VideoSpecs.inFeedProblem(facts.durationMs(), facts.width(), facts.height())
                    .ifPresent(
                            problem -> {
                                throw Refusal.invalid("video_file does not fit: " + problem);
                            });
            videoKey = id + (facts.contentType().equals("video/quicktime") ? ".mov" : ".mp4");
            video = incoming.resolve(videoKey);
            Files.move(partial, video, StandardCopyOption.ATOMIC_MOVE);
            if (!posters.write(video, poster)) {
                throw Refusal.invalid(
                        "video_file has no picture that can be decoded from its "
                                + facts.codec()
                                + " video track; export it again as an MP4 (H.264) video");
            }
            // recorded only once both files are complete in the store, so no server serves half
            saveInStore(videoKey, video, facts.contentType());
            saveInStore(posterKey, poster, "image/jpeg");
            jdbc.sql(
                            """
                            insert into video_files (id, advertiser_id, token, file_name, content_type, size_bytes, sha256,
                                duration_ms, width, height, codec, storage_path, poster_path, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            advertiserId,
                            newToken(),
                            fileName,
                            facts.contentType(),
                            size,
                            HexFormat.of().formatHex(sha.digest()),
                            facts.durationMs(),
                            facts.width(),
                            facts.height(),
                            facts.codec(),
                            videoKey,
                            posterKey,
                            Timestamp.from(clock.instant()))
                    .update();
            stored = true;
            return find(id).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(partial);
            deleteQuietly(poster);
            if (video != null) {
                deleteQuietly(video);
            }
            if (!stored && videoKey != null) {
                forget(videoKey);
                forget(posterKey);
            }
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

    /** The advertiser's videos among {@code ids}, in no particular order. */
    public List<VideoFile> list(long advertiserId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select * from video_files where advertiser_id = :advertiser and id in (:ids)")
                .param("advertiser", advertiserId)
                .param("ids", ids)
                .query(ROW)
                .list();
    }

    /**
     * An ad showing the video was approved: from now on a host app's player, holding only the URL,
     * may fetch it.
     */
    public void publish(long advertiserId, long id) {
        jdbc.sql(
                        "update video_files set published_at = ? where id = ? and advertiser_id = ? and published_at is null")
                .params(Timestamp.from(clock.instant()), id, advertiserId)
                .update();
    }

    /**
     * The video with this URL token if {@code viewer} may fetch it: anyone once it is published,
     * before that only its ad account's members and Business API callers. Anything else is as
     * unknown as a token that does not exist.
     */
    public Optional<VideoFile> readable(String token, MediaViewer viewer) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{16,128}")) {
            return Optional.empty();
        }
        return jdbc.sql("select * from video_files where token = ?")
                .param(token)
                .query(ROW)
                .optional()
                .filter(v -> v.published() || viewer.mayView(v.advertiserId()));
    }

    /** The video's file in the store, readable from any offset (range requests). */
    public Optional<Resource> media(long id) {
        return stored(id, "storage_path");
    }

    public Optional<Resource> poster(long id) {
        return stored(id, "poster_path");
    }

    /**
     * Rows name the file by its key; rows from before the store named a full path under the data
     * directory, whose file name is the same key.
     */
    private Optional<Resource> stored(long id, String column) {
        return jdbc.sql(
                        "select "
                                + column
                                + " from video_files where id = ? and "
                                + column
                                + " is not null")
                .param(id)
                .query(String.class)
                .optional()
                .map(value -> Path.of(value).getFileName().toString())
                .flatMap(store::find);
    }

    /**
     * Puts a file in the store; a store that does not take it (a bucket away or refusing) is a 503
     * that says to send the same upload again, and nothing is recorded (the caller forgets what was
     * stored).
     */
    private void saveInStore(String key, Path file, String contentType) {
        try {
            store.save(key, file, contentType);
        } catch (IOException e) {
            throw Refusal.unavailable(
                    "The video store did not take the upload ("
                            + e.getMessage()
                            + "); nothing was saved: send the same upload again later");
        }
    }

    private void forget(String key) {
        try {
            store.delete(key);
        } catch (IOException | RuntimeException e) {
            // an unrecorded file is never served: its id is not reused and no row names it
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover part file is harmless: the next upload never reuses an id
        }
    }
}
