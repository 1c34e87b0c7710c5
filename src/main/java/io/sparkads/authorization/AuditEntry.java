package io.sparkads.authorization;

import java.time.Instant;

/**
 * One line of the authorization audit trail; {@code actorUserId} and {@code actorUserName} name the
 * signed-in person who acted, null when no person is known (older rows, APIs, the system).
 */
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
        String detail,
        Long actorUserId,
        String actorUserName) {}
