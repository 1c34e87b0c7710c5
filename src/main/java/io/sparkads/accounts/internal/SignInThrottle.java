package io.sparkads.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows password guessing: failed sign-ins count per user and, independently, per network address
 * (one address trying many users); past a few, each further try waits longer, up to a cap of a few
 * minutes. While a wait holds, the password is not even checked. The state lives in the database,
 * so every server sees it. A lock on a user never holds back the address they last signed in from,
 * so an attacker elsewhere cannot keep them out.
 */
@Component
class SignInThrottle {
    private static final int MAX_SUBJECT = 256;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignInBackoff perUser;
    private final SignInBackoff perAddress;

    SignInThrottle(
            JdbcClient jdbc,
            Clock clock,
            @Value("${sparkads.sign-in.free-failures-per-user:5}") int freePerUser,
            @Value("${sparkads.sign-in.free-failures-per-address:20}") int freePerAddress,
            @Value("${sparkads.sign-in.first-lock:15s}") Duration firstLock,
            @Value("${sparkads.sign-in.longest-lock-per-user:5m}") Duration longestUserLock,
            @Value("${sparkads.sign-in.longest-lock-per-address:15m}")
                    Duration longestAddressLock) {
        this.jdbc = jdbc;
        this.clock = clock;
        Duration forget = Duration.ofMinutes(30);
        this.perUser = new SignInBackoff(freePerUser, firstLock, longestUserLock, forget);
        this.perAddress = new SignInBackoff(freePerAddress, firstLock, longestAddressLock, forget);
    }

    /** How long this sign-in must wait before its password is checked; empty when it need not. */
    @Transactional(readOnly = true)
    Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> addressWait = remaining(addressKey(address), now);
        if (addressWait.isPresent()) {
            return addressWait;
        }
        String trusted =
                jdbc.sql("select trusted_address from sign_in_failures where subject = ?")
                        .param(userKey(username))
                        .query(String.class)
                        .optional()
                        .orElse(null);
        return address.equals(trusted) ? Optional.empty() : remaining(userKey(username), now);
    }

    /** Counts a failed sign-in; returns the wait it now imposes on this user from this address. */
    @Transactional
    Optional<Duration> failed(String username, String address) {
        Instant now = clock.instant();
        count(addressKey(address), perAddress, now);
        count(userKey(username), perUser, now);
        return waitBefore(username, address);
    }

    /** A good sign-in clears the user's failures and trusts the address it came from. */
    @Transactional
    void succeeded(String username, String address) {
        jdbc.sql(
                        """
                        insert into sign_in_failures (subject, failures, trusted_address) values (?, 0, ?)
                        on conflict (subject) do update
                        set failures = 0, last_failure_at = null, locked_until = null,
                            trusted_address = excluded.trusted_address
                        """)
                .params(userKey(username), address)
                .update();
    }

    private Optional<Duration> remaining(String subject, Instant now) {
        return jdbc.sql("select locked_until from sign_in_failures where subject = ?")
                .param(subject)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    private void count(String subject, SignInBackoff backoff, Instant now) {
        int failures =
                jdbc.sql(
                                """
                                insert into sign_in_failures (subject, failures, last_failure_at) values (:subject, 1, :now)
                                on conflict (subject) do update
                                set failures = case when sign_in_failures.last_failure_at is null
                                                      or sign_in_failures.last_failure_at < :forget then 1
                                                    else sign_in_failures.failures + 1 end,
                                    last_failure_at = :now
                                returning failures
                                """)
                        .param("subject", subject)
                        .param("now", Timestamp.from(now))
                        .param("forget", Timestamp.from(now.minus(backoff.forgetAfter())))
                        .query(Integer.class)
                        .single();
        Duration lock = backoff.lockAfter(failures);
        if (!lock.isZero()) {
            jdbc.sql("update sign_in_failures set locked_until = ? where subject = ?")
                    .params(Timestamp.from(now.plus(lock)), subject)
                    .update();
        }
    }

    private static String userKey(String username) {
        return "user:" + cut(username == null ? "" : username);
    }

    private static String addressKey(String address) {
        return "address:" + cut(address);
    }

    private static String cut(String text) {
        String clean = text.replace("\u0000", "");
        return clean.length() <= MAX_SUBJECT ? clean : clean.substring(0, MAX_SUBJECT);
    }
}
