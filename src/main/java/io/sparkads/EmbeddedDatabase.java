package io.sparkads;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL as a production database: durable settings, a start that needs no manual
 * step after a crash, and a stop that leaves no server behind.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /**
     * Server settings. The library's defaults suit throw-away test databases: it passes {@code -F}
     * (fsync off) and {@code synchronous_commit=off}, so a committed transaction, and with it an
     * acknowledged event, can be lost when the database or the machine stops abruptly. A later
     * {@code -c fsync=on} overrides {@code -F}. The rest are PostgreSQL's own defaults, stated so
     * that no library default can weaken them; see docs/architecture.md, "Durability".
     */
    static final Map<String, String> DURABLE_SETTINGS = durableSettings();

    private static Map<String, String> durableSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        // A commit reaches the disk (WAL flushed) before the client is told it succeeded.
        settings.put("fsync", "on");
        settings.put("synchronous_commit", "on");
        // After an OS crash in the middle of a page write, the WAL holds the whole page.
        settings.put("full_page_writes", "on");
        // Enough WAL for base backups and point-in-time recovery (pg_basebackup, archiving).
        settings.put("wal_level", "replica");
        // Only this machine can connect: the library's initdb trusts every local connection.
        settings.put("listen_addresses", "localhost");
        settings.put("timezone", "UTC");
        settings.put("max_connections", "100");
        return Map.copyOf(settings);
    }

    private static final Duration STOP_PATIENCE = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Postmaster postmaster;
    private final PostmasterWatchdog watchdog;
    private volatile boolean closing;

    private EmbeddedDatabase(
            EmbeddedPostgres postgres, Postmaster postmaster, PostmasterWatchdog watchdog) {
        this.postgres = postgres;
        this.postmaster = postmaster;
        this.watchdog = watchdog;
        postmaster.whenExited(
                () -> {
                    if (!closing) {
                        log.error(
                                "The embedded PostgreSQL (pid {}) has stopped while the server runs;"
                                        + " requests that need the database fail until the server"
                                        + " is restarted, which recovers it from its WAL",
                                postmaster.pid());
                    }
                });
    }

    /**
     * Starts PostgreSQL on the folder. A server left running on it by a server process that died
     * (its postmaster outlives it) is stopped first; a folder in use by another running Spark Ads
     * server is refused.
     *
     * @param overrides settings that replace the durable ones, e.g. for a benchmark baseline
     */
    static EmbeddedDatabase start(Path dataDirectory, Map<String, String> overrides)
            throws IOException {
        Path folder = dataDirectory.toAbsolutePath();
        Files.createDirectories(folder);
        refuseIfInUse(folder);
        Postmaster.of(folder)
                .ifPresent(
                        orphan -> {
                            log.warn(
                                    "PostgreSQL (pid {}) is still running on {} after the server"
                                            + " that started it stopped without stopping it;"
                                            + " stopping it cleanly before starting again",
                                    orphan.pid(),
                                    folder);
                            orphan.stop(STOP_PATIENCE);
                        });
        Map<String, String> settings = new LinkedHashMap<>(DURABLE_SETTINGS);
        settings.putAll(overrides);
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder()
                        .setDataDirectory(folder)
                        .setCleanDataDirectory(false)
                        // Crash recovery after a hard stop replays WAL before accepting
                        // connections; on a busy machine that takes longer than the default 10 s.
                        .setPGStartupWait(Duration.ofSeconds(120))
                        // Spring stops it (destroyMethod) after the context has closed; the
                        // library's own JVM hook would stop it first, under a still-closing
                        // context.
                        .setRegisterShutdownHook(false);
        settings.forEach(builder::setServerConfig);
        if (!overrides.isEmpty()) {
            log.warn("Embedded PostgreSQL settings changed from the durable ones: {}", overrides);
        }
        EmbeddedPostgres postgres = builder.start();
        Optional<Postmaster> started = Postmaster.of(folder);
        if (started.isEmpty()) {
            postgres.close();
            throw new IllegalStateException(
                    "PostgreSQL started but left no postmaster.pid in " + folder);
        }
        Postmaster postmaster = started.get();
        PostmasterWatchdog watchdog = PostmasterWatchdog.watch(postmaster, folder).orElse(null);
        log.info(
                "Embedded PostgreSQL (pid {}) on port {} with data in {}",
                postmaster.pid(),
                postgres.getPort(),
                folder);
        return new EmbeddedDatabase(postgres, postmaster, watchdog);
    }

    /**
     * The library holds a lock file in the folder while its server runs; if another process holds
     * it, another Spark Ads server is using this folder and its database must not be touched.
     */
    private static void refuseIfInUse(Path folder) throws IOException {
        Path lockFile = folder.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return; // a new folder: initdb needs it empty
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException(
                        "The data folder "
                                + folder
                                + " is in use by another running Spark Ads server. Stop it, or"
                                + " point this one at another folder with SPARKADS_DATA_DIR.");
            }
            lock.release();
        }
    }

    EmbeddedPostgres postgres() {
        return postgres;
    }

    /**
     * Stops PostgreSQL and waits until it has exited. The library gives {@code pg_ctl stop} only 5
     * seconds; a shutdown checkpoint on a busy machine can take longer.
     */
    @Override
    public void close() throws IOException {
        closing = true;
        try {
            postgres.close();
            if (!postmaster.awaitExit(Duration.ofSeconds(5))) {
                postmaster.stop(STOP_PATIENCE);
            }
        } finally {
            if (watchdog != null) {
                watchdog.close();
            }
        }
    }
}
