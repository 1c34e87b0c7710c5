package io.sparkads.delivery.engine;

import java.util.Set;

/**
 * The host app asks for ads for one viewer: {@code slots} feed slots, or the app-open TopView.
 *
 * @param slots how many ads at most, from 1 to {@value #MAX_SLOTS}
 * @param excludeItemIds posts that must not be served (e.g. already in the viewer's feed); {@code
 *     null} is taken as none
 */
public record AdRequest(
        String requestId, Placement placement, int slots, Viewer viewer, Set<Long> excludeItemIds) {

    public static final int MAX_SLOTS = 10;

    public AdRequest {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("requestId must not be blank");
        }
        if (placement == null) {
            throw new IllegalArgumentException("placement must not be null");
        }
        if (slots < 1 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException(
                    "slots must be between 1 and " + MAX_SLOTS + ", was " + slots);
        }
        if (viewer == null) {
            throw new IllegalArgumentException("viewer must not be null (use Viewer.anonymous())");
        }
        excludeItemIds = excludeItemIds == null ? Set.of() : copyWithoutNulls(excludeItemIds);
    }

    private static Set<Long> copyWithoutNulls(Set<Long> itemIds) {
        for (Long itemId : itemIds) {
            if (itemId == null) {
                throw new IllegalArgumentException("excludeItemIds must not contain null");
            }
        }
        return Set.copyOf(itemIds);
    }
}
