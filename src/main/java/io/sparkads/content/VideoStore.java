package io.sparkads.content;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * Where uploaded videos and their poster frames live once accepted, shared by every server: a
 * directory (a shared volume when several servers run, {@link DirectoryVideoStore}) or an
 * S3-compatible bucket ({@link S3VideoStore}). Files are named by a key such as {@code 123.mp4}.
 */
interface VideoStore {
    /** Copies a complete local file into the store under {@code key}, replacing any there. */
    void save(String key, Path file, String contentType) throws IOException;

    /**
     * The stored file, able to answer its length and to be read from an offset (so range requests
     * read only what they ask for); empty when there is no such file.
     */
    Optional<Resource> find(String key);

    /** Removes the file if it is there. */
    void delete(String key) throws IOException;

    /** Where files go, for the start-up log. */
    String describe();
}
