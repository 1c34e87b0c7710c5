package io.sparkads.authorization;

/** Filters of the Spark Ad posts list: a keyword in the caption or creator name, and a status. */
public record LibraryFilter(String keyword, SparkCodeStatus status) {
    public static final LibraryFilter NONE = new LibraryFilter(null, null);
}
