package io.sparkads.edge;

/**
 * How the lean listener runs.
 *
 * @param port its port; 0 a free one (tests), below 0 off
 * @param ioThreads event loops that parse HTTP and write answers (one per core)
 * @param blockingThreads threads that handle requests, which may wait on PostgreSQL; 0 handles them
 *     on the event loops
 */
record EdgeSettings(int port, int ioThreads, int blockingThreads) {
    EdgeSettings {
        if (port > 65535) {
            throw new IllegalArgumentException(
                    "sparkads.platform.port must be a port (0 for a free one, -1 for off); was "
                            + port);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException(
                    "sparkads.platform.io-threads must be at least 1; was " + ioThreads);
        }
        if (blockingThreads < 0) {
            throw new IllegalArgumentException(
                    "sparkads.platform.blocking-threads must be 0 or more; was " + blockingThreads);
        }
    }
}
