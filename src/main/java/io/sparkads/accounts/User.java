package io.sparkads.accounts;

import java.io.Serializable;

/**
 * A person who signs in to the web UI. An advertiser user belongs to one ad account, a creator user
 * to one app account.
 */
public record User(long id, String username, Role role, Long advertiserId, Long creatorAccountId)
        implements Serializable {}
