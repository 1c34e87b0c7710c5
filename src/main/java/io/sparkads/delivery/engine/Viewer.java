package io.sparkads.delivery.engine;

import java.util.List;

/**
 * The person an ad request is for, as the host app describes them. Every field may be {@code null},
 * meaning unknown; an unknown value never matches a targeting dimension that is restricted. Values
 * are compared exactly (the caller normalises case, e.g. upper-case region codes).
 *
 * @param interests the viewer's interests; {@code null} is taken as none known
 */
public record Viewer(
        String viewerId,
        String region,
        String ageGroup,
        String gender,
        List<String> interests,
        String language,
        String os) {

    public Viewer {
        interests = interests == null ? List.of() : copyWithoutNulls(interests);
    }

    /** A viewer about whom nothing is known. */
    public static Viewer anonymous() {
        return new Viewer(null, null, null, null, List.of(), null, null);
    }

    private static List<String> copyWithoutNulls(List<String> interests) {
        for (String interest : interests) {
            if (interest == null) {
                throw new IllegalArgumentException("viewer interests must not contain null");
            }
        }
        return List.copyOf(interests);
    }
}
