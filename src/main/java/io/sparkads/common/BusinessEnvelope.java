package io.sparkads.common;

import java.util.Map;
import java.util.UUID;

/** TikTok's response envelope: {@code {code, message, request_id, data}}. */
public record BusinessEnvelope(int code, String message, String requestId, Object data) {

    public static BusinessEnvelope ok(Object data) {
        return new BusinessEnvelope(0, "OK", newRequestId(), data);
    }

    public static BusinessEnvelope error(int code, String message) {
        return new BusinessEnvelope(code, message, newRequestId(), Map.of());
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
