package io.sparkads.common;

/** Ids taken from URL paths of the platform and admin APIs. */
public final class PathIds {
    private PathIds() {}

    public static long itemId(String raw) {
        return require("item_id", raw);
    }

    public static long require(String name, String raw) {
        return Ids.require(name, raw);
    }
}
