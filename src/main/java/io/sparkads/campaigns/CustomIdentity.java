package io.sparkads.campaigns;

import java.time.Instant;

/** A display name and avatar an advertiser made for non-Spark ads ({@code CUSTOMIZED_USER}). */
public record CustomIdentity(
        long id, long advertiserId, String displayName, String avatarUrl, Instant createdAt) {}
