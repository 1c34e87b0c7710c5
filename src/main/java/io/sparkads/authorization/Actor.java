package io.sparkads.authorization;

/**
 * Who did something to an authorization, and from where: written to the audit trail.
 *
 * @param kind a creator (web), an advertiser (web or Business API), the host app's platform API
 *     acting for a creator, or the system itself (expiry)
 * @param id the user, advertiser or account id, as text
 * @param address the client's network address, when known
 * @param userId the signed-in person who acted for the creator or advertiser, when one did
 * @param userName that person's name at the time, when one did
 */
public record Actor(Kind kind, String id, String address, Long userId, String userName) {

    public enum Kind {
        CREATOR,
        ADVERTISER,
        PLATFORM,
        SYSTEM
    }

    public Actor {
        if ((userId == null) != (userName == null)) {
            throw new IllegalArgumentException("a user who acted needs both an id and a name");
        }
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, null, null, null, null);
    }

    public static Actor platform(String address) {
        return new Actor(Kind.PLATFORM, null, address, null, null);
    }

    /** The ad account, with no person known (a Business API token, the demo data). */
    public static Actor advertiser(long advertiserId, String address) {
        return new Actor(Kind.ADVERTISER, String.valueOf(advertiserId), address, null, null);
    }

    /** A signed-in person acting for the ad account. */
    public static Actor advertiser(
            long advertiserId, long userId, String userName, String address) {
        return new Actor(Kind.ADVERTISER, String.valueOf(advertiserId), address, userId, userName);
    }

    /** The creator's account, with no person known. */
    public static Actor creator(long accountId, String address) {
        return new Actor(Kind.CREATOR, String.valueOf(accountId), address, null, null);
    }

    /** A signed-in person acting for the creator's account. */
    public static Actor creator(long accountId, long userId, String userName, String address) {
        return new Actor(Kind.CREATOR, String.valueOf(accountId), address, userId, userName);
    }
}
