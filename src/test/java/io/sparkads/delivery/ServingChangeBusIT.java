package io.sparkads.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.sparkads.campaigns.AdsChanged;
import io.sparkads.delivery.engine.AdDecisionEngine;
import io.sparkads.support.ApiClient;
import io.sparkads.support.ApiFixtures;
import io.sparkads.support.Eventually;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The serving-change bus on one server: changes that another writer commits with a notification
 * (here plain JDBC, as a second server would) reach this server's engine, and this server's own
 * changes are announced only when they commit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ServingChangeBusIT {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @LocalServerPort int port;
    @Autowired AdDecisionEngine engine;
    @Autowired DataSource dataSource;
    @Autowired ServingChangeNotifier notifier;
    @Autowired ServingChangeListener listener;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    ApiFixtures given;

    @BeforeEach
    void connect() {
        given = new ApiFixtures(new ApiClient(port));
        Eventually.await(Duration.ofSeconds(30), () -> assertThat(listener.listening()).isTrue());
    }

    @Test
    void aPauseAnotherWriterCommitsStopsTheAdWithinOneSecondAndEnablingBringsItBack()
            throws SQLException {
        var live = given.givenLiveAd(Map.of());
        long adId = Long.parseLong(live.adId());
        assertThat(engine.find(adId)).isPresent();

        writeElsewhere("DISABLE", adId);

        Eventually.await(ONE_SECOND, () -> assertThat(engine.find(adId)).isEmpty());
        assertThat(given.isServed(live.adId(), ApiFixtures.regionOf(live.adId()))).isFalse();

        writeElsewhere("ENABLE", adId);

        Eventually.await(ONE_SECOND, () -> assertThat(engine.find(adId)).isPresent());
        assertThat(given.isServed(live.adId(), ApiFixtures.regionOf(live.adId()))).isTrue();
    }

    @Test
    void aRevocationAnnouncedByAnotherServerDropsTheAdWithoutWaitingForTheDatabase()
            throws SQLException {
        var live = given.givenLiveAd(Map.of());
        long adId = Long.parseLong(live.adId());

        notifyElsewhere("v1;other-server;REVOKED;" + Instant.now() + ";" + adId);

        Eventually.await(ONE_SECOND, () -> assertThat(engine.find(adId)).isEmpty());
    }

    @Test
    void aChangeIsAnnouncedOnlyWhenItsTransactionCommitsAndALongListIsSplit() throws Exception {
        Set<Long> adIds =
                LongStream.range(0, 600)
                        .map(i -> 9_000_000_000_000_000_000L + i)
                        .boxed()
                        .collect(Collectors.toSet());
        try (Connection listening = otherConnection()) {
            try (Statement listen = listening.createStatement()) {
                listen.execute("LISTEN " + ServingChange.CHANNEL);
            }

            transactions.executeWithoutResult(
                    status -> {
                        events.publishEvent(new AdsChanged(adIds));
                        status.setRollbackOnly();
                    });
            assertThat(notifications(listening, Duration.ofMillis(700))).isEmpty();

            transactions.executeWithoutResult(status -> events.publishEvent(new AdsChanged(adIds)));
            List<ServingChange> received = notifications(listening, Duration.ofSeconds(5));

            assertThat(received).hasSizeGreaterThan(1);
            assertThat(received)
                    .allSatisfy(
                            change -> {
                                assertThat(change.serverId()).isEqualTo(notifier.serverId());
                                assertThat(change.kind()).isEqualTo(ServingChange.Kind.CHANGED);
                            });
            Set<Long> all = new HashSet<>();
            received.forEach(change -> all.addAll(change.adIds()));
            assertThat(all).isEqualTo(adIds);
        }
    }

    @Test
    void afterLosingItsConnectionTheListenerReconnectsAndReloadsWhatItMissed() throws SQLException {
        var live = given.givenLiveAd(Map.of());
        long adId = Long.parseLong(live.adId());
        assertThat(engine.find(adId)).isPresent();

        try (Connection other = otherConnection()) {
            // A change whose notification this server never hears: written without one.
            try (PreparedStatement pause =
                    other.prepareStatement(
                            "update ads set operation_status = 'DISABLE' where id = ?")) {
                pause.setLong(1, adId);
                pause.executeUpdate();
            }
            try (Statement kill = other.createStatement()) {
                kill.execute(
                        "select pg_terminate_backend(pid) from pg_stat_activity"
                                + " where application_name = 'sparkads serving-change listener'");
            }
        }

        Eventually.await(Duration.ofSeconds(10), () -> assertThat(engine.find(adId)).isEmpty());
        Eventually.await(Duration.ofSeconds(10), () -> assertThat(listener.listening()).isTrue());
    }

    /** What another server does: change the ad and announce it, in one transaction. */
    private void writeElsewhere(String operationStatus, long adId) throws SQLException {
        try (Connection other = otherConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement update =
                            other.prepareStatement(
                                    "update ads set operation_status = ? where id = ?");
                    PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
                update.setString(1, operationStatus);
                update.setLong(2, adId);
                assertThat(update.executeUpdate()).isEqualTo(1);
                notify.setString(1, ServingChange.CHANNEL);
                notify.setString(2, "v1;other-server;CHANGED;" + Instant.now() + ";" + adId);
                notify.execute();
            }
            other.commit();
        }
    }

    private void notifyElsewhere(String payload) throws SQLException {
        try (Connection other = otherConnection();
                PreparedStatement notify = other.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, ServingChange.CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    /** A connection of its own to the server's database, outside Spring and its pool. */
    private Connection otherConnection() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(
                pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    private static List<ServingChange> notifications(Connection listening, Duration quiet)
            throws SQLException {
        PGConnection pg = listening.unwrap(PGConnection.class);
        List<ServingChange> received = new ArrayList<>();
        while (true) {
            PGNotification[] batch = pg.getNotifications((int) quiet.toMillis());
            if (batch == null || batch.length == 0) {
                return received;
            }
            for (PGNotification n : batch) {
                received.add(ServingChange.parse(n.getParameter()));
            }
        }
    }
}
