package io.sparkads.common;

import java.util.Set;

/**
 * Who asks for an uploaded video or its poster: the ad accounts whose unpublished uploads the
 * request may see, from a signed-in member's session or a Business API {@code Access-Token}. A host
 * app's player, holding only the URL, is {@link #ANONYMOUS}.
 */
public record MediaViewer(Set<Long> advertiserIds) {
    public static final MediaViewer ANONYMOUS = new MediaViewer(Set.of());

    public MediaViewer {
        advertiserIds = Set.copyOf(advertiserIds);
    }

    public boolean mayView(long advertiserId) {
        return advertiserIds.contains(advertiserId);
    }
}
