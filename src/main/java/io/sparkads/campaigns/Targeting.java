package io.sparkads.campaigns;

import io.sparkads.common.Refusal;
import java.util.List;
import java.util.Set;

/**
 * Whom an ad group reaches: locations (TikTok location ids or ISO codes), age groups, a gender,
 * two-letter languages, interest categories and operating systems. An empty list means everyone.
 */
public record Targeting(
        List<String> locationIds,
        List<String> ageGroups,
        String gender,
        List<String> languages,
        List<String> interestCategoryIds,
        List<String> operatingSystems) {
    public static final Set<String> AGE_GROUPS =
            Set.of("AGE_13_17", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_100");
    public static final Set<String> GENDERS =
            Set.of("GENDER_UNLIMITED", "GENDER_MALE", "GENDER_FEMALE");
    public static final Set<String> OPERATING_SYSTEMS = Set.of("ANDROID", "IOS");

    public Targeting {
        locationIds = orEmpty(locationIds);
        locationIds.forEach(Locations::country);
        ageGroups = orEmpty(ageGroups);
        Check.allOf("age_groups", ageGroups, AGE_GROUPS);
        gender = gender == null ? "GENDER_UNLIMITED" : gender;
        Check.oneOf("gender", gender, GENDERS);
        languages = orEmpty(languages);
        for (String language : languages) {
            if (language == null || !language.matches("[a-z]{2}")) {
                throw Refusal.invalid(
                        "languages must hold two-letter language codes such as en; got '"
                                + language
                                + "'");
            }
        }
        interestCategoryIds = orEmpty(interestCategoryIds);
        operatingSystems = orEmpty(operatingSystems);
        Check.allOf("operating_systems", operatingSystems, OPERATING_SYSTEMS);
    }

    /** Everyone in these locations. */
    public static Targeting locations(List<String> locationIds) {
        return new Targeting(locationIds, null, null, null, null, null);
    }

    private static List<String> orEmpty(List<String> values) {
        // Not List.copyOf: a null inside is refused by the checks, with the field's name.
        return values == null ? List.of() : values;
    }
}
