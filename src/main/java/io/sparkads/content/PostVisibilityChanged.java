package io.sparkads.content;

/** A post became public, friends-only or private; only public posts may run as ads. */
public record PostVisibilityChanged(long itemId, long accountId, Post.Visibility visibility) {}
