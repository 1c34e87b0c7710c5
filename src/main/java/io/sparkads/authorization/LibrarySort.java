package io.sparkads.authorization;

/** How Spark-available posts are ordered: by the Spark-ready score, or newest binding first. */
public enum LibrarySort {
    RECOMMENDED,
    LATEST
}
