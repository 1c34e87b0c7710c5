package io.sparkads.authorization;

import java.time.Instant;

/** One line of the authorization audit trail. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        AuditAction action,
        Long itemId,
        Long accountId,
        Long advertiserId,
        Actor.Kind actorKind,
        String actorId,
        String clientAddress,
        String detail) {}
