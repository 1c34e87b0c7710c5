package io.sparkads.tracking;

import io.sparkads.common.AcceptsAnyText;
import io.sparkads.common.Quotes;
import io.sparkads.common.Refusal;
import java.util.Set;

/**
 * What the host app may say of an organic event's viewer, as in an ad request's {@code viewer}:
 * each part optional. Trend Discovery counts organic views by these (paid events carry theirs in
 * the signed impression id).
 */
@AcceptsAnyText
public record EventViewer(String region, String ageGroup, String gender) {
    static final Set<String> AGE_GROUPS =
            Set.of("AGE_13_17", "AGE_18_24", "AGE_25_34", "AGE_35_44", "AGE_45_54", "AGE_55_100");

    static final Set<String> GENDERS = Set.of("GENDER_MALE", "GENDER_FEMALE", "GENDER_UNLIMITED");

    /** The viewer as sent, refused with what to fix when a part is not one we know. */
    static EventViewer checked(EventViewer viewer) {
        if (viewer == null) {
            return null;
        }
        if (viewer.region() != null && !viewer.region().matches("[A-Z]{2}")) {
            throw Refusal.invalid(
                    "viewer.region must be a two-letter country code like US; was "
                            + Quotes.of(viewer.region()));
        }
        if (viewer.ageGroup() != null && !AGE_GROUPS.contains(viewer.ageGroup())) {
            throw Refusal.invalid(
                    "viewer.age_group must be one of AGE_13_17, AGE_18_24, AGE_25_34, AGE_35_44,"
                            + " AGE_45_54, AGE_55_100; was "
                            + Quotes.of(viewer.ageGroup()));
        }
        if (viewer.gender() != null && !GENDERS.contains(viewer.gender())) {
            throw Refusal.invalid(
                    "viewer.gender must be GENDER_MALE, GENDER_FEMALE or GENDER_UNLIMITED; was "
                            + Quotes.of(viewer.gender()));
        }
        return viewer;
    }
}
