package io.sparkads.authorization;

/**
 * Who did something to an authorization, and from where: written to the audit trail.
 *
 * @param kind a creator (web), an advertiser (web or Business API), the host app's platform API
 *     acting for a creator, or the system itself (expiry)
 * @param id the user, advertiser or account id, as text
 * @param address the client's network address, when known
 */
public record Actor(Kind kind, String id, String address) {

    public enum Kind {
        CREATOR,
        ADVERTISER,
        PLATFORM,
        SYSTEM
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, null, null);
    }

    public static Actor platform(String address) {
        return new Actor(Kind.PLATFORM, null, address);
    }

    public static Actor advertiser(long advertiserId, String address) {
        return new Actor(Kind.ADVERTISER, String.valueOf(advertiserId), address);
    }

    public static Actor creator(long accountId, String address) {
        return new Actor(Kind.CREATOR, String.valueOf(accountId), address);
    }
}
