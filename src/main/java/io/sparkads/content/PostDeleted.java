package io.sparkads.content;

/** A post was deleted: every ad using it stops. */
public record PostDeleted(long itemId, long accountId) {}
