package io.sparkads.common;

import java.util.Set;

/**
 * Who asks for an uploaded video or its poster: the ad accounts whose unpublished uploads the
 * request may see, from a signed-in member's session or a Business API {@code Access-Token}; a
 * signed-in reviewer sees every ad account's, since they decide whether it runs. A host app's
 * player, holding only the URL, is {@link #ANONYMOUS}.
 */
public record MediaViewer(Set<Long> advertiserIds, boolean reviewer) {
    public static final MediaViewer ANONYMOUS = new MediaViewer(Set.of());
    public static final MediaViewer REVIEWER = new MediaViewer(Set.of(), true);

    public MediaViewer {
        advertiserIds = Set.copyOf(advertiserIds);
    }

    public MediaViewer(Set<Long> advertiserIds) {
        this(advertiserIds, false);
    }

    public boolean mayView(long advertiserId) {
        return reviewer || advertiserIds.contains(advertiserId);
    }
}
