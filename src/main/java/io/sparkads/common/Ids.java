package io.sparkads.common;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numeric ids in the style of TikTok's: milliseconds since 2020 in the high bits, then a random
 * node number and a sequence, so several servers can mint ids without talking to each other and ids
 * sort by creation time.
 */
public final class Ids {
    private static final long EPOCH_MILLIS = 1_577_836_800_000L; // 2020-01-01T00:00:00Z
    private static final long NODE = new SecureRandom().nextInt(1 << 10);
    private static final AtomicLong LAST = new AtomicLong();

    private Ids() {}

    public static long next() {
        long now = ((System.currentTimeMillis() - EPOCH_MILLIS) << 22) | (NODE << 12);
        return LAST.updateAndGet(previous -> Math.max(previous + 1, now));
    }

    /**
     * An id a request must carry; refuses, naming the field, when it is missing or not a positive
     * decimal number.
     */
    public static long require(String field, String raw) {
        Long id = parse(raw);
        if (id == null) {
            throw Refusal.invalid(
                    raw == null || raw.isBlank()
                            ? field + " is required: a numeric id"
                            : field + " must be a numeric id; was '" + raw + "'");
        }
        return id;
    }

    /** Parses an id sent by a client; {@code null} when it is not a positive decimal number. */
    public static Long parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 19) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                return null;
            }
        }
        try {
            long value = Long.parseLong(raw);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
