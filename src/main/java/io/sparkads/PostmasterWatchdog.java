package io.sparkads;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded PostgreSQL when this JVM dies without stopping it (kill -9, an OOM kill),
 * which no shutdown hook can do. A small {@code sh} process reads a pipe from this JVM; the kernel
 * closes the pipe when the JVM dies, however it dies, and the shell then asks the postmaster for a
 * fast shutdown, provided the folder's {@code postmaster.pid} still names it and it is still a
 * {@code postgres} process (a database killed with -9 leaves its pid file, and its pid may be
 * recycled). The next start stops an orphan by itself too ({@link Postmaster#of}); this only frees
 * the folder and the memory sooner.
 */
final class PostmasterWatchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

    private static final String SCRIPT =
            """
            while read -r _; do :; done
            [ "$(sed -n 1p "$2/postmaster.pid" 2>/dev/null)" = "$1" ] || exit 0
            name=$(cat "/proc/$1/comm" 2>/dev/null || ps -p "$1" -o comm= 2>/dev/null)
            case "$name" in *postgres*) kill -INT "$1" ;; esac
            exit 0
            """;

    private final Process shell;

    private PostmasterWatchdog(Process shell) {
        this.shell = shell;
    }

    /** Starts the watchdog, or none where there is no POSIX shell (Windows). */
    static Optional<PostmasterWatchdog> watch(Postmaster postmaster, Path dataDirectory) {
        try {
            Process shell =
                    new ProcessBuilder(
                                    "sh",
                                    "-c",
                                    SCRIPT,
                                    "sparkads-postgres-watchdog",
                                    Long.toString(postmaster.pid()),
                                    dataDirectory.toAbsolutePath().toString())
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            return Optional.of(new PostmasterWatchdog(shell));
        } catch (IOException e) {
            log.warn(
                    "No watchdog for the embedded PostgreSQL ({}); after a hard kill of this server"
                            + " the next start stops it instead",
                    e.getMessage());
            return Optional.empty();
        }
    }

    long pid() {
        return shell.pid();
    }

    /** After a clean stop of the database: the watchdog has nothing left to do. */
    @Override
    public void close() {
        shell.destroy();
    }
}
