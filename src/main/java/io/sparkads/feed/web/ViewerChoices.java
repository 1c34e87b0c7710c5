package io.sparkads.feed.web;

import io.sparkads.campaigns.CallToAction;
import io.sparkads.campaigns.Targeting;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the feed's viewer chooser offers (the viewer attributes of an ad request, in the wire values
 * the platform API takes) and the calls to action whose words the page needs to label an ad's
 * button. Regions and languages are named in English from their ISO codes.
 */
record ViewerChoices(
        List<Choice> regions,
        List<String> ageGroups,
        List<String> genders,
        List<Choice> languages,
        List<String> operatingSystems,
        List<String> callsToAction) {

    /** A code and its name in words. */
    record Choice(String code, String name) {}

    static final ViewerChoices ALL =
            new ViewerChoices(
                    regions("US", "GB", "CA", "AU", "DE", "FR", "ES", "IT", "BR", "MX", "JP", "IN"),
                    Targeting.AGE_GROUPS.stream().sorted().toList(),
                    List.of("FEMALE", "MALE"),
                    languages("en", "es", "fr", "de", "pt", "it", "ja", "hi"),
                    Targeting.OPERATING_SYSTEMS.stream().sorted().toList(),
                    Arrays.stream(CallToAction.values()).map(CallToAction::wireName).toList());

    private static List<Choice> regions(String... codes) {
        return Arrays.stream(codes)
                .map(c -> new Choice(c, new Locale("", c).getDisplayCountry(Locale.ENGLISH)))
                .toList();
    }

    private static List<Choice> languages(String... codes) {
        return Arrays.stream(codes)
                .map(c -> new Choice(c, new Locale(c).getDisplayLanguage(Locale.ENGLISH)))
                .toList();
    }
}
