package io.sparkads.multiserver;

import io.sparkads.support.ApiClient;
import io.sparkads.support.ServerProcess;
import io.sparkads.support.SharedDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Two server processes behind an imagined load balancer: one PostgreSQL ({@link SharedDatabase})
 * and each server's own data folder, started at the same time (so both race to migrate the schema,
 * as replicas of one deployment do). Tests reach each one through its own {@link ApiClient}.
 */
public final class TwoServers implements AutoCloseable {
    private final SharedDatabase database;
    private final ServerProcess[] servers;

    private TwoServers(SharedDatabase database, ServerProcess a, ServerProcess b) {
        this.database = database;
        this.servers = new ServerProcess[] {a, b};
    }

    /** Starts the database and two servers on it, each with the extra arguments given. */
    public static TwoServers start(Path dir, String name, List<String> extraArgs) throws Exception {
        SharedDatabase database = SharedDatabase.start(dir);
        try {
            CompletableFuture<ServerProcess> a = startAsync(dir, name + "-a", database, extraArgs);
            CompletableFuture<ServerProcess> b = startAsync(dir, name + "-b", database, extraArgs);
            return new TwoServers(database, a.join(), b.join());
        } catch (CompletionException e) {
            database.close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static CompletableFuture<ServerProcess> startAsync(
            Path dir, String name, SharedDatabase database, List<String> extraArgs) {
        List<String> args = new ArrayList<>(database.serverArgs());
        args.addAll(extraArgs);
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return ServerProcess.start(dir.resolve(name), name, args);
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                });
    }

    public ServerProcess a() {
        return servers[0];
    }

    public ServerProcess b() {
        return servers[1];
    }

    public ApiClient apiA() {
        return new ApiClient(servers[0].port());
    }

    public ApiClient apiB() {
        return new ApiClient(servers[1].port());
    }

    public SharedDatabase database() {
        return database;
    }

    /**
     * Starts server A or B again (after a test stopped or killed it) on the same database and data
     * folder; answers the new process, which the pair then holds in its place.
     */
    public ServerProcess restart(int which, Path dir, String name, List<String> extraArgs)
            throws Exception {
        servers[which].close();
        List<String> args = new ArrayList<>(database.serverArgs());
        args.addAll(extraArgs);
        servers[which] = ServerProcess.start(dir.resolve(name), name, args);
        return servers[which];
    }

    @Override
    public void close() throws Exception {
        for (ServerProcess server : servers) {
            if (server != null) {
                server.stop();
            }
        }
        database.close();
    }
}
