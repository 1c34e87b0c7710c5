package io.sparkads.delivery;

import io.sparkads.delivery.AdServing.ViewerAttributes;
import java.util.List;

/**
 * A platform API ad request as the host app sends it, before any check: {@link PlatformAdRequests}
 * checks it, whichever listener read it.
 */
public record AdRequestBody(
        String requestId,
        String placement,
        Integer slots,
        ViewerAttributes viewer,
        List<String> excludeItemIds) {}
