package io.sparkads.campaigns;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who an ad speaks as, in TikTok's {@code identity_type} vocabulary. The constant's name is its
 * wire name, as the Business API sends and receives it.
 */
public enum IdentityType {
    /** The creator of a post whose authorization code the ad account applied. */
    AUTH_CODE,
    /** A TikTok account linked to the ad account. */
    TT_USER,
    /**
     * A TikTok account authorized to a Business Center. Listed by identity/get as TikTok does; no
     * ad can be created under it here.
     */
    BC_AUTH_TT,
    /** The advertiser's own name and avatar: a non-Spark ad. */
    CUSTOMIZED_USER;

    /** Whether ads under this identity are Spark ads, showing a creator's post. */
    public boolean isSpark() {
        return this != CUSTOMIZED_USER;
    }

    /** Whether an ad may be created under this identity here. */
    public boolean isForAds() {
        return this != BC_AUTH_TT;
    }

    /** The value of {@code identity_type} on the wire. */
    public String wireName() {
        return name();
    }

    /** The identity type a request names, or empty when it names none of TikTok's. */
    public static Optional<IdentityType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(value)).findFirst();
    }

    /** Whether the wire value names this identity type. */
    public boolean is(String value) {
        return wireName().equals(value);
    }

    /** The wire names an ad may be created under. */
    static Set<String> forAds() {
        return Arrays.stream(values())
                .filter(IdentityType::isForAds)
                .map(IdentityType::wireName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
