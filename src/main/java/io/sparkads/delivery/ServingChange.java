package io.sparkads.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A change the decision engines of all servers must apply, as one PostgreSQL notification on {@link
 * #CHANNEL}: which server took it, what kind of change, when it committed, and the ads it touches.
 * The wire form is {@code v1;<server>;<kind>;<instant>;<id>,<id>,…}; a list too long for one
 * notification is split into several (see {@link #payloads}).
 */
record ServingChange(String serverId, Kind kind, Instant committedAt, List<Long> adIds) {
    static final String CHANNEL = "sparkads_serving";

    /** PostgreSQL refuses a notification payload of 8000 bytes or more; keep well below. */
    static final int MAX_PAYLOAD_BYTES = 7900;

    private static final String VERSION = "v1";

    /** What a server does with the ads: re-read whether they may deliver, or drop them at once. */
    enum Kind {
        /** Approval, pause, enable, edit, deletion: re-read each ad. */
        CHANGED(false),
        /** A post's authorization ended (revoke, expiry, deleted or private post): drop the ads. */
        REVOKED(true),
        /** A creator's account was unlinked from the ad account: drop its ads. */
        UNLINKED(true),
        /** A post's authorization was extended: re-read its ads. */
        EXTENDED(false),
        /** Spend used up a budget: re-read the ads, which leave the engine. */
        BUDGET(false);

        private final boolean removes;

        Kind(boolean removes) {
            this.removes = removes;
        }

        boolean removes() {
            return removes;
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    ServingChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(committedAt, "committedAt");
        if (serverId == null || serverId.isBlank() || serverId.contains(";")) {
            throw new IllegalArgumentException(
                    "a serving change needs a server id without ';', was '" + serverId + "'");
        }
        adIds = List.copyOf(adIds);
    }

    /**
     * The notifications that carry these ads: one per slice of ids that fits in {@link
     * #MAX_PAYLOAD_BYTES}; none when there are no ids.
     */
    List<String> payloads() {
        return payloads(MAX_PAYLOAD_BYTES);
    }

    List<String> payloads(int maxBytes) {
        String head =
                String.join(";", VERSION, serverId, kind.name(), committedAt.toString()) + ";";
        int room = maxBytes - head.getBytes(StandardCharsets.UTF_8).length;
        List<String> payloads = new ArrayList<>();
        StringBuilder ids = new StringBuilder();
        for (long adId : adIds) {
            String id = Long.toString(adId);
            if (id.length() > room) {
                throw new IllegalArgumentException(
                        "a notification of " + maxBytes + " bytes cannot hold ad id " + id);
            }
            int needed = ids.isEmpty() ? id.length() : id.length() + 1;
            if (ids.length() + needed > room) {
                payloads.add(head + ids);
                ids.setLength(0);
            }
            if (!ids.isEmpty()) {
                ids.append(',');
            }
            ids.append(id);
        }
        if (!ids.isEmpty()) {
            payloads.add(head + ids);
        }
        return payloads;
    }

    /** Reads one notification's payload; a payload this version cannot read is refused. */
    static ServingChange parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(";", -1);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw new IllegalArgumentException(
                    "a serving change reads v1;<server>;<kind>;<instant>;<ad ids>, was '"
                            + abbreviated(payload)
                            + "'");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown serving change kind '"
                            + parts[2]
                            + "' in '"
                            + abbreviated(payload)
                            + "'");
        }
        Instant committedAt;
        try {
            committedAt = Instant.parse(parts[3]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "a serving change's time must be an ISO instant, was '" + parts[3] + "'");
        }
        List<Long> adIds = new ArrayList<>();
        if (!parts[4].isEmpty()) {
            for (String id : parts[4].split(",", -1)) {
                try {
                    adIds.add(Long.parseLong(id));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "ad ids must be numbers separated by commas, found '" + id + "'");
                }
            }
        }
        return new ServingChange(parts[1], kind, committedAt, adIds);
    }

    private static String abbreviated(String payload) {
        if (payload == null) {
            return "";
        }
        return payload.length() <= 120 ? payload : payload.substring(0, 120) + "…";
    }
}
