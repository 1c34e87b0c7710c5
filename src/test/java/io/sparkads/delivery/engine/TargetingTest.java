package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.targeting;
import static io.sparkads.delivery.engine.EngineFixtures.viewer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkads.delivery.engine.EngineFixtures.TargetingBuilder;
import io.sparkads.delivery.engine.EngineFixtures.ViewerBuilder;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TargetingTest {

    /** The single-valued dimensions: how to restrict each, and how to set a viewer's value. */
    enum Dimension {
        REGION(TargetingBuilder::regions, ViewerBuilder::region, "US", "FR"),
        AGE_GROUP(TargetingBuilder::ageGroups, ViewerBuilder::ageGroup, "AGE_18_24", "AGE_55_100"),
        GENDER(TargetingBuilder::genders, ViewerBuilder::gender, "FEMALE", "MALE"),
        LANGUAGE(TargetingBuilder::languages, ViewerBuilder::language, "en", "de"),
        OPERATING_SYSTEM(TargetingBuilder::operatingSystems, ViewerBuilder::os, "IOS", "ANDROID");

        final BiConsumer<TargetingBuilder, String[]> restrict;
        final BiConsumer<ViewerBuilder, String> describe;
        final String targeted;
        final String other;

        Dimension(
                BiConsumer<TargetingBuilder, String[]> restrict,
                BiConsumer<ViewerBuilder, String> describe,
                String targeted,
                String other) {
            this.restrict = restrict;
            this.describe = describe;
            this.targeted = targeted;
            this.other = other;
        }

        Targeting restrictedTo(String... values) {
            return targeting(t -> restrict.accept(t, values));
        }

        Viewer viewerWith(String value) {
            return viewer(v -> describe.accept(v, value));
        }
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void aRestrictedDimensionMatchesAViewerWhoseValueIsInIt(Dimension dimension) {
        // given
        Targeting targeting = dimension.restrictedTo(dimension.targeted, "XX");

        // when / then
        assertThat(targeting.matches(dimension.viewerWith(dimension.targeted))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void aRestrictedDimensionRejectsAViewerWithAnotherValue(Dimension dimension) {
        // given
        Targeting targeting = dimension.restrictedTo(dimension.targeted);

        // when / then
        assertThat(targeting.matches(dimension.viewerWith(dimension.other))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void aRestrictedDimensionRejectsAViewerWhoseValueIsUnknown(Dimension dimension) {
        // given
        Targeting targeting = dimension.restrictedTo(dimension.targeted);

        // when / then
        assertThat(targeting.matches(dimension.viewerWith(null))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Dimension.class)
    void anUnrestrictedDimensionMatchesAnyValueIncludingUnknown(Dimension dimension) {
        // given
        Targeting targeting = Targeting.everyone();

        // when / then
        assertThat(targeting.matches(dimension.viewerWith(dimension.other))).isTrue();
        assertThat(targeting.matches(dimension.viewerWith(null))).isTrue();
    }

    @Test
    void interestsMatchWhenTheViewerHasAnyOfThem() {
        // given
        Targeting targeting = targeting(t -> t.interests("cooking", "travel"));

        // when / then
        assertThat(targeting.matches(viewer(v -> v.interests("gaming", "travel")))).isTrue();
        assertThat(targeting.matches(viewer(v -> v.interests("gaming", "music")))).isFalse();
    }

    @Test
    void interestsDoNotMatchAViewerWithNoKnownInterests() {
        // given
        Targeting targeting = targeting(t -> t.interests("cooking"));

        // when / then
        assertThat(targeting.matches(viewer(v -> v.interests()))).isFalse();
        assertThat(targeting.matches(viewer(v -> v.interests((String[]) null)))).isFalse();
        assertThat(Targeting.everyone().matches(viewer(v -> v.interests((String[]) null))))
                .isTrue();
    }

    @Test
    void everyRestrictedDimensionMustMatch() {
        // given
        Targeting targeting = targeting(t -> t.regions("US").operatingSystems("IOS"));

        // when / then
        assertThat(targeting.matches(viewer(v -> v.region("US").os("IOS")))).isTrue();
        assertThat(targeting.matches(viewer(v -> v.region("US").os("ANDROID")))).isFalse();
        assertThat(targeting.matches(viewer(v -> v.region("FR").os("IOS")))).isFalse();
    }

    @Test
    void everyoneMatchesAViewerAboutWhomNothingIsKnown() {
        assertThat(Targeting.everyone().matches(Viewer.anonymous())).isTrue();
    }

    @Test
    void keepsItsOwnCopyOfTheValues() {
        // given
        Set<String> regions = new HashSet<>(Set.of("US"));
        Targeting targeting =
                new Targeting(regions, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

        // when
        regions.add("FR");

        // then
        assertThat(targeting.matches(viewer(v -> v.region("FR")))).isFalse();
    }

    @Test
    void rejectsANullDimension() {
        assertThatThrownBy(
                        () -> new Targeting(Set.of(), null, Set.of(), Set.of(), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ageGroups must not be null");
    }

    @Test
    void rejectsANullValue() {
        // given
        Set<String> withNull = new HashSet<>();
        withNull.add(null);

        // when / then
        assertThatThrownBy(
                        () ->
                                new Targeting(
                                        Set.of(), Set.of(), Set.of(), Set.of(), withNull, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interests must not contain null");
    }
}
