package io.sparkads.authorization;

/** What a linked account lets the advertiser do. */
public enum LinkPermission {
    /** Use the creator's existing Spark-available posts, without codes. */
    PULL_POSTS,
    /** Publish new videos under the creator's account once they pass review. */
    PUSH_VIDEOS
}
