package io.sparkads.delivery.engine;

import java.util.List;
import java.util.Set;

/**
 * Who an ad may be shown to. Each dimension is a set of allowed values: an empty set means no
 * restriction; a non-empty set requires the viewer's value to be in it, so a viewer whose value is
 * unknown does not match. Interests match when the viewer has at least one of them.
 */
public record Targeting(
        Set<String> regions,
        Set<String> ageGroups,
        Set<String> genders,
        Set<String> languages,
        Set<String> interests,
        Set<String> operatingSystems) {

    private static final Targeting EVERYONE =
            new Targeting(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Targeting {
        regions = copy("regions", regions);
        ageGroups = copy("ageGroups", ageGroups);
        genders = copy("genders", genders);
        languages = copy("languages", languages);
        interests = copy("interests", interests);
        operatingSystems = copy("operatingSystems", operatingSystems);
    }

    /** No restriction on any dimension. */
    public static Targeting everyone() {
        return EVERYONE;
    }

    /** Whether the viewer falls inside every dimension. Allocates nothing. */
    public boolean matches(Viewer viewer) {
        return allows(regions, viewer.region())
                && allows(ageGroups, viewer.ageGroup())
                && allows(genders, viewer.gender())
                && allows(languages, viewer.language())
                && allows(operatingSystems, viewer.os())
                && overlaps(interests, viewer.interests());
    }

    private static boolean allows(Set<String> allowed, String value) {
        // Set.copyOf sets throw on contains(null), so the null check is needed as well as meant.
        return allowed.isEmpty() || (value != null && allowed.contains(value));
    }

    private static boolean overlaps(Set<String> wanted, List<String> viewerInterests) {
        if (wanted.isEmpty()) {
            return true;
        }
        for (int i = 0; i < viewerInterests.size(); i++) {
            if (wanted.contains(viewerInterests.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> copy(String dimension, Set<String> values) {
        if (values == null) {
            throw new IllegalArgumentException(
                    "targeting "
                            + dimension
                            + " must not be null (an empty set means no restriction)");
        }
        for (String value : values) {
            if (value == null) {
                throw new IllegalArgumentException(
                        "targeting " + dimension + " must not contain null");
            }
        }
        return Set.copyOf(values);
    }
}
