package io.sparkads.delivery.engine;

import java.util.List;

/**
 * Who an ad was served to and where, as far as the ad request said: the attributes an audience
 * report breaks metrics down by. A {@code null} field is unknown. Only values of the platform's
 * vocabulary are kept (an age group TikTok names, MALE or FEMALE, a two-letter upper-case region),
 * so that every value fits the impression id's fixed-size payload; anything else is unknown.
 */
public record ServedAudience(Placement placement, String ageGroup, String gender, String region) {

    /** TikTok's age groups, in the order of their one-byte codes (code = index + 1). */
    public static final List<String> AGE_GROUPS =
            List.of("AGE_13_17", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_100");

    /** The genders a viewer can have, in the order of their codes (code = index + 1). */
    public static final List<String> GENDERS = List.of("MALE", "FEMALE");

    private static final ServedAudience UNKNOWN = new ServedAudience(null, null, null, null);

    public ServedAudience {
        // List.of(...).contains(null) throws, hence the null checks.
        ageGroup = ageGroup != null && AGE_GROUPS.contains(ageGroup) ? ageGroup : null;
        gender = gender != null && GENDERS.contains(gender) ? gender : null;
        region = region != null && isRegionCode(region) ? region : null;
    }

    /** Two upper-case letters; checked by hand, as every ad request and event builds one. */
    private static boolean isRegionCode(String region) {
        return region.length() == 2
                && isUpperLetter(region.charAt(0))
                && isUpperLetter(region.charAt(1));
    }

    private static boolean isUpperLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Nothing known: ids issued before the audience was carried, or issued without a request. */
    public static ServedAudience unknown() {
        return UNKNOWN;
    }

    /** The audience of an ad request. */
    public static ServedAudience of(AdRequest request) {
        Viewer viewer = request.viewer();
        return new ServedAudience(
                request.placement(), viewer.ageGroup(), viewer.gender(), viewer.region());
    }
}
