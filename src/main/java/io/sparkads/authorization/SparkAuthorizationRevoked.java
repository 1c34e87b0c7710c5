package io.sparkads.authorization;

import java.util.Set;

/**
 * A post may no longer run as an ad for the given advertisers (all of them when empty), with the
 * cause and a reason shown to the advertiser.
 */
public record SparkAuthorizationRevoked(
        long itemId, Set<Long> advertiserIds, Cause cause, String reason) {

    public enum Cause {
        /** The creator revoked the code or turned ad authorization off. */
        REVOKED_BY_CREATOR,
        /**
         * The post itself went away or stopped being public: the asset is lost, not the permission.
         */
        POST_UNAVAILABLE,
        EXPIRED
    }
}
