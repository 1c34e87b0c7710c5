package io.sparkads.authorization.web;

import io.sparkads.authorization.AuditEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/** An audit line as the APIs show it. */
final class AuditViews {
    private AuditViews() {}

    static Map<String, Object> of(AuditEntry e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("occurred_at", e.occurredAt().toString());
        v.put("action", e.action().name());
        v.put("item_id", e.itemId() == null ? null : String.valueOf(e.itemId()));
        v.put("account_id", e.accountId() == null ? null : String.valueOf(e.accountId()));
        v.put("advertiser_id", e.advertiserId() == null ? null : String.valueOf(e.advertiserId()));
        v.put("actor", e.actorKind().name());
        v.put("actor_id", e.actorId());
        v.put("client_address", e.clientAddress());
        v.put("detail", e.detail());
        return v;
    }
}
