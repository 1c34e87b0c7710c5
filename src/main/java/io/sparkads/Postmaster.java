package io.sparkads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server process that holds a data folder, found through the {@code postmaster.pid}
 * file PostgreSQL keeps there. A server that dies without stopping its database (kill -9, an OOM
 * kill) leaves it running, and it blocks the next start on the same folder; this finds it and stops
 * it the way {@code pg_ctl stop -m fast} does.
 */
final class Postmaster {
    private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

    private final ProcessHandle process;
    private final Path dataDirectory;

    private Postmaster(ProcessHandle process, Path dataDirectory) {
        this.process = process;
        this.dataDirectory = dataDirectory;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The running postmaster of this data folder, if any. A {@code postmaster.pid} whose process is
     * gone, or whose number now belongs to a process that is not this folder's PostgreSQL (after a
     * reboot), is stale: it is removed, because PostgreSQL refuses to start while its pid is alive.
     */
    static Optional<Postmaster> of(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + pidFile + ": " + e.getMessage(), e);
        }
        Optional<ProcessHandle> process = Optional.empty();
        try {
            process = ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (RuntimeException e) {
            // A pid file cut short by a crash names no process.
        }
        if (process.isPresent() && process.get().isAlive()) {
            ProcessHandle handle = process.get();
            if (holds(handle, dataDirectory)) {
                return Optional.of(new Postmaster(handle, dataDirectory));
            }
            if (handle.info().command().isEmpty()) {
                throw new IllegalStateException(
                        "Process "
                                + handle.pid()
                                + " named in "
                                + pidFile
                                + " is running, but it cannot be told whether it is this folder's"
                                + " PostgreSQL. Stop it, or delete the file if it is not.");
            }
        }
        log.warn("Removing stale {} left by an unclean stop", pidFile);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot remove " + pidFile + ": " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    /** Whether the process is a PostgreSQL server started on this data folder. */
    private static boolean holds(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        boolean postgres =
                info.command().map(c -> Path.of(c).getFileName().toString()).stream()
                        .anyMatch(name -> name.equals("postgres") || name.equals("postgres.exe"));
        List<String> args = info.arguments().map(Arrays::asList).orElse(List.of());
        int d = args.indexOf("-D");
        return postgres
                && d >= 0
                && d + 1 < args.size()
                && sameFolder(args.get(d + 1), dataDirectory);
    }

    private static boolean sameFolder(String started, Path dataDirectory) {
        try {
            return Files.isSameFile(Path.of(started), dataDirectory);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Stops the server as {@code pg_ctl stop -m fast} does: open transactions roll back, committed
     * ones are already in the WAL, a shutdown checkpoint is written. If that has not finished in
     * {@code patience}, an immediate stop follows, after which the next start replays the WAL.
     */
    void stop(Duration patience) {
        if (!isAlive()) {
            return;
        }
        log.info("Stopping PostgreSQL (pid {}) on {}", pid(), dataDirectory);
        signal("INT");
        if (awaitExit(patience)) {
            return;
        }
        log.warn("PostgreSQL (pid {}) did not stop in {}; stopping it at once", pid(), patience);
        signal("QUIT");
        if (!awaitExit(Duration.ofSeconds(15))) {
            throw new IllegalStateException(
                    "PostgreSQL (pid " + pid() + ") on " + dataDirectory + " does not stop");
        }
    }

    /** Runs the action when the server process exits, however it exits. */
    void whenExited(Runnable action) {
        process.onExit().thenRun(action);
    }

    boolean awaitExit(Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !isAlive();
        }
    }

    /**
     * PostgreSQL chooses its shutdown mode by signal; Java can only send TERM (its "smart" mode,
     * which waits for every client to leave) and KILL, so {@code kill} sends the others.
     */
    private void signal(String name) {
        try {
            Process kill =
                    new ProcessBuilder("kill", "-" + name, Long.toString(pid()))
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                return;
            }
        } catch (IOException e) {
            log.debug("No kill command: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy();
    }
}
