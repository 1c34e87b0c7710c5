package io.sparkads.authorization;

import io.sparkads.common.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes guessing codes infeasible on top of their 144 random bits: after too many failed attempts
 * in a sliding window, an ad account, or a client address, may not try again until the window has
 * moved on. Counted per server; with several servers the limit is per server.
 */
@Component
public class CodeAttemptLimiter {
    private final Clock clock;
    private final Duration window;
    private final int perAdvertiser;
    private final int perAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    CodeAttemptLimiter(
            Clock clock,
            @Value("${sparkads.authorization.failed-code-window:PT15M}") Duration window,
            @Value("${sparkads.authorization.failed-codes-per-advertiser:10}") int perAdvertiser,
            @Value("${sparkads.authorization.failed-codes-per-address:30}") int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perAdvertiser = perAdvertiser;
        this.perAddress = perAddress;
    }

    /** Refuses with "too many requests" while the advertiser or the address is over its limit. */
    public void checkAllowed(long advertiserId, String address) {
        check("advertiser:" + advertiserId, perAdvertiser, "this ad account");
        if (address != null) {
            check("address:" + address, perAddress, "this network address");
        }
    }

    void recordFailure(long advertiserId, String address) {
        Instant now = clock.instant();
        add("advertiser:" + advertiserId, now);
        if (address != null) {
            add("address:" + address, now);
        }
    }

    private void check(String key, int limit, String who) {
        Deque<Instant> attempts = failures.get(key);
        if (attempts == null) {
            return;
        }
        Instant now = clock.instant();
        synchronized (attempts) {
            prune(attempts, now);
            if (attempts.size() >= limit) {
                long minutes =
                        Math.max(
                                1,
                                Duration.between(now, attempts.peekFirst().plus(window)).toMinutes()
                                        + 1);
                throw new Refusal(
                        Refusal.Kind.TOO_MANY_REQUESTS,
                        "Too many invalid authorization codes from "
                                + who
                                + "; try again in "
                                + minutes
                                + " minute(s)");
            }
        }
    }

    private void add(String key, Instant now) {
        Deque<Instant> attempts = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (attempts) {
            prune(attempts, now);
            attempts.addLast(now);
        }
    }

    private void prune(Deque<Instant> attempts, Instant now) {
        Instant oldest = now.minus(window);
        while (!attempts.isEmpty() && !attempts.peekFirst().isAfter(oldest)) {
            attempts.removeFirst();
        }
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetQuietKeys() {
        Instant now = clock.instant();
        failures.entrySet()
                .removeIf(
                        entry -> {
                            synchronized (entry.getValue()) {
                                prune(entry.getValue(), now);
                                return entry.getValue().isEmpty();
                            }
                        });
    }

    public int perAdvertiser() {
        return perAdvertiser;
    }
}
