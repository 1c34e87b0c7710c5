package io.sparkads.common;

/** Ids taken from URL paths of the platform and admin APIs. */
public final class PathIds {
    private PathIds() {}

    public static long itemId(String raw) {
        return require("item_id", raw);
    }

    public static long require(String name, String raw) {
        Long id = Ids.parse(raw);
        if (id == null) {
            throw Refusal.invalid(name + " must be a numeric id, was '" + raw + "'");
        }
        return id;
    }
}
