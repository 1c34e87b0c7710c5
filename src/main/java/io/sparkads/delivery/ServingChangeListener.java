package io.sparkads.delivery;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Applies the serving changes other servers announce ({@link ServingChangeNotifier}) to this
 * server's decision engine. It holds one connection of its own, outside the pool, that {@code
 * LISTEN}s on {@link ServingChange#CHANNEL}; when that connection fails it reconnects with backoff
 * and then reloads the whole index, since notifications sent meanwhile are lost.
 */
@Component
class ServingChangeListener implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ServingChangeListener.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final int WAIT_MILLIS = 500;

    /** A silent connection is checked this often, so a dead one is noticed and replaced. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    private final AdIndex index;
    private final String ownServerId;
    private final DataSource dataSource;
    private final MeterRegistry meters;
    private final boolean enabled;
    private final Duration maxBackoff;
    private final Clock wallClock = Clock.systemUTC();

    private volatile boolean running;
    private volatile boolean listening;
    private volatile Thread thread;

    ServingChangeListener(
            AdIndex index,
            ServingChangeNotifier notifier,
            DataSource dataSource,
            MeterRegistry meters,
            @Value("${sparkads.delivery.change-bus.enabled:true}") boolean enabled,
            @Value("${sparkads.delivery.change-bus.max-backoff:10s}") Duration maxBackoff) {
        this.index = index;
        this.ownServerId = notifier.serverId();
        this.dataSource = dataSource;
        this.meters = meters;
        this.enabled = enabled;
        this.maxBackoff = maxBackoff;
    }

    /** Whether the connection is up and listening (for tests and health). */
    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        if (!enabled) {
            log.info("Serving-change bus off: other servers' changes arrive with the full reload");
            return;
        }
        running = true;
        Thread listener = new Thread(this::listen, "serving-change-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean reconnecting = false;
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + ServingChange.CHANNEL);
                }
                listening = true;
                backoff = FIRST_BACKOFF;
                if (reconnecting) {
                    log.info("Serving-change bus reconnected; reloading every ad once");
                    index.reload();
                }
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                reconnecting = true;
                log.warn(
                        "Serving-change bus lost its connection ({}); retrying in {} ms",
                        e.getMessage(),
                        backoff.toMillis());
                if (!sleep(backoff)) {
                    return;
                }
                backoff =
                        backoff.multipliedBy(2).compareTo(maxBackoff) > 0
                                ? maxBackoff
                                : backoff.multipliedBy(2);
            }
        }
        listening = false;
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification notification : notifications) {
                    received(notification.getParameter());
                }
            } else if (System.nanoTime() - lastHeard > CHECK_EVERY.toNanos()) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the listening connection stopped answering");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    /** Applies one notification; one this server sent itself was applied when it committed. */
    void received(String payload) {
        Instant receivedAt = wallClock.instant();
        ServingChange change;
        try {
            change = ServingChange.parse(payload);
        } catch (IllegalArgumentException e) {
            log.warn("Ignored a serving change this server cannot read: {}", e.getMessage());
            return;
        }
        if (change.serverId().equals(ownServerId)) {
            return;
        }
        Duration propagation = Duration.between(change.committedAt(), receivedAt);
        Timer.builder("sparkads.revocation.propagation")
                .description(
                        "From a serving change's commit on one server to its arrival on another")
                .tag("kind", change.kind().tag())
                .register(meters)
                .record(propagation.isNegative() ? Duration.ZERO : propagation);
        try {
            index.apply(change);
        } catch (RuntimeException e) {
            log.error("Could not apply {}; reloading every ad instead", change, e);
            index.reload();
        }
    }

    private Connection connect() throws SQLException {
        HikariDataSource pool;
        try {
            pool = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "the serving-change bus needs the connection settings of a Hikari pool", e);
        }
        Properties properties = new Properties();
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", "sparkads serving-change listener");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
