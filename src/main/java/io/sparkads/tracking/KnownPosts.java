package io.sparkads.tracking;

import io.sparkads.content.Posts;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Which posts exist, for the organic events' check, asking the database only about posts not seen
 * before. A post's row is never removed (deleting a post marks it), so a post once found stays
 * found and remembering it is exact, on every server; a post not found is asked about again, since
 * it may be created any moment. Bounded: when full it starts over.
 */
@Component
class KnownPosts {
    static final int CAPACITY = 200_000;

    private final Posts posts;
    private final Set<Long> known = ConcurrentHashMap.newKeySet();

    KnownPosts(Posts posts) {
        this.posts = posts;
    }

    /** The posts among these that exist. */
    Set<Long> among(Set<Long> itemIds) {
        Set<Long> unseen = new HashSet<>();
        for (Long id : itemIds) {
            if (!known.contains(id)) {
                unseen.add(id);
            }
        }
        if (unseen.isEmpty()) {
            return itemIds;
        }
        Set<Long> found = posts.existing(unseen);
        if (known.size() + found.size() > CAPACITY) {
            known.clear();
        }
        known.addAll(found);
        Set<Long> existing = new HashSet<>(itemIds);
        existing.removeIf(id -> unseen.contains(id) && !found.contains(id));
        return existing;
    }
}
