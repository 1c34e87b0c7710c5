package io.sparkads.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The server as its own JVM process, started the way an operator starts it ({@code java -cp …
 * SparkAdsApplication}) on a given data folder, so that a test can kill it, or its database, with
 * {@code kill -9} and start it again.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;

    private ServerProcess(Process process, int port, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Starts the server on the data folder and waits until it answers its health check. */
    public static ServerProcess start(Path dataDir, String name) throws Exception {
        return start(dataDir, name, List.of());
    }

    /**
     * As {@link #start(Path, String)}, with further arguments: settings such as {@link
     * SharedDatabase#serverArgs()} that make several servers share one deployment's state.
     */
    public static ServerProcess start(Path dataDir, String name, List<String> extraArgs)
            throws Exception {
        int port = freePort();
        Path log = Path.of("target", "crash-test", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A short-lived server: compiling for peak speed would only slow its start.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xmx512m", "-cp", serverClasspath()));
        command.add("io.sparkads.SparkAdsApplication");
        command.addAll(
                List.of(
                        "--server.port=" + port,
                        "--sparkads.data-dir=" + dataDir,
                        "--sparkads.admin-token=" + ApiClient.ADMIN_TOKEN,
                        "--sparkads.platform-token=" + ApiClient.PLATFORM_TOKEN,
                        "--sparkads.demo.enabled=false"));
        command.addAll(extraArgs);
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        ServerProcess server = new ServerProcess(process, port, dataDir, log);
        server.awaitHealthy();
        return server;
    }

    /** The test's own classpath without its test classes, which are no part of the server. */
    private static String serverClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "The server exited with "
                                + process.exitValue()
                                + " while starting:\n"
                                + tail());
            }
            try {
                HttpResponse<Void> health =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:"
                                                                + port
                                                                + "/actuator/health"))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("The server did not start in " + START_TIMEOUT + ":\n" + tail());
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The last lines of the server's log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The PostgreSQL server process of this data folder, from its {@code postmaster.pid}. */
    public static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                    .filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A direct connection to the server's embedded PostgreSQL (its port is in the pid file). */
    public Connection database() throws IOException, SQLException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        String dbPort = Files.readAllLines(pidFile).get(3).trim();
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "");
    }

    /** The helper processes the server started (the database watchdog). */
    public List<ProcessHandle> children() {
        return process.children().toList();
    }

    /** kill -9: no shutdown hook, no Spring close, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A clean stop, as {@code kill <pid>} or a service manager does it (SIGTERM). */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("The server did not stop within 90 s:\n" + tail());
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
