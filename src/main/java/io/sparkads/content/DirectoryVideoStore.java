package io.sparkads.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Videos in a directory. With several servers it must be one volume mounted by all of them (NFS, a
 * cloud file share): a file is written under a temporary name and renamed into place, so another
 * server never serves half of it.
 */
final class DirectoryVideoStore implements VideoStore {
    private final Path directory;

    DirectoryVideoStore(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    @Override
    public void save(String key, Path file, String contentType) throws IOException {
        Path target = resolve(key);
        if (file.toAbsolutePath().equals(target)) {
            return;
        }
        Files.createDirectories(directory);
        Path partial = directory.resolve(key + ".saving");
        try {
            Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(
                    partial,
                    target,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public Optional<Resource> find(String key) {
        Path file = resolve(key);
        return Files.isRegularFile(file)
                ? Optional.of(new FileSystemResource(file))
                : Optional.empty();
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public String describe() {
        return "directory " + directory;
    }

    private Path resolve(String key) {
        return directory.resolve(StoreKeys.check(key));
    }
}
