package io.sparkads.authorization;

import java.time.Instant;
import java.util.Set;

/** An account-link request, or the link it became. */
public record AccountLink(
        long id,
        long advertiserId,
        Set<LinkPermission> permissions,
        Status status,
        Long accountId,
        Boolean adsOnly,
        Instant createdAt,
        Instant expireTime,
        Instant approvedAt,
        Instant unlinkedAt) {

    public enum Status {
        PENDING,
        ACTIVE,
        UNLINKED,
        /** A request nobody approved before its expiry; computed, never stored. */
        EXPIRED
    }

    public boolean allows(LinkPermission permission) {
        return status == Status.ACTIVE && permissions.contains(permission);
    }
}
