package io.sparkads.delivery.engine;

import static io.sparkads.delivery.engine.EngineFixtures.givenAd;
import static io.sparkads.delivery.engine.EngineFixtures.viewer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TargetingIndexTest {

    private static final List<String> VALUES = List.of("a", "b", "c", "d");

    @Test
    void theIndexMatchesExactlyTheAdsWhoseTargetingTheViewerMatches() {
        Random random = new Random(14);
        for (int size : new int[] {0, 1, 63, 64, 65, 128, 700}) {
            // given
            AdCandidate[] ads = new AdCandidate[size];
            for (int i = 0; i < size; i++) {
                Targeting targeting = randomTargeting(random);
                ads[i] = givenAd(a -> a.targeting(targeting));
            }
            TargetingIndex index = new TargetingIndex(ads);
            for (int round = 0; round < 200; round++) {
                Viewer viewer = randomViewer(random);

                // when
                List<Integer> matched = positions(index.matching(viewer));

                // then
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    if (ads[i].targeting().matches(viewer)) {
                        expected.add(i);
                    }
                }
                assertThat(matched).as("%d ads, viewer %s", size, viewer).isEqualTo(expected);
            }
        }
    }

    @Test
    void insertingAndRemovingAdsGivesTheIndexARebuildWouldGive() {
        Random random = new Random(41);
        List<AdCandidate> ads = new ArrayList<>();
        TargetingIndex index = new TargetingIndex(new AdCandidate[0]);
        for (int step = 0; step < 400; step++) {
            // given: an ad inserted at a random place, or one removed
            if (ads.isEmpty() || random.nextInt(3) > 0) {
                int at = random.nextInt(ads.size() + 1);
                Targeting targeting = randomTargeting(random);
                ads.add(at, givenAd(a -> a.targeting(targeting)));
                index = index.inserted(at, targeting);
            } else {
                int at = random.nextInt(ads.size());
                ads.remove(at);
                index = index.removed(at);
            }

            // when, then
            TargetingIndex rebuilt = new TargetingIndex(ads.toArray(AdCandidate[]::new));
            for (int round = 0; round < 5; round++) {
                Viewer viewer = randomViewer(random);
                assertThat(positions(index.matching(viewer)))
                        .as("step %d, %d ads", step, ads.size())
                        .isEqualTo(positions(rebuilt.matching(viewer)));
            }
        }
    }

    @Test
    void aViewerWhoseValueNoAdNamesMatchesOnlyTheAdsNotRestrictedOnThatDimension() {
        // given
        AdCandidate[] ads = {
            givenAd(a -> a.targeting(t -> t.regions("US"))),
            givenAd(a -> a.targeting(t -> {})),
            givenAd(a -> a.targeting(t -> t.regions("FR", "US")))
        };
        TargetingIndex index = new TargetingIndex(ads);

        // when, then
        assertThat(positions(index.matching(viewer(v -> v.region("JP"))))).containsExactly(1);
        assertThat(positions(index.matching(viewer(v -> v.region(null))))).containsExactly(1);
        assertThat(positions(index.matching(viewer(v -> v.region("US"))))).containsExactly(0, 1, 2);
    }

    @Test
    void aWalkPastItsEndStaysAtTheEnd() {
        TargetingIndex.Matches matches =
                new TargetingIndex(new AdCandidate[] {givenAd()}).matching(viewer());

        assertThat(matches.next()).isZero();
        assertThat(matches.next()).isEqualTo(-1);
        assertThat(matches.next()).isEqualTo(-1);
    }

    private static List<Integer> positions(TargetingIndex.Matches matches) {
        List<Integer> positions = new ArrayList<>();
        for (int i = matches.next(); i >= 0; i = matches.next()) {
            positions.add(i);
        }
        return positions;
    }

    private static Targeting randomTargeting(Random random) {
        return new Targeting(
                someValues(random),
                someValues(random),
                someValues(random),
                someValues(random),
                someValues(random),
                someValues(random));
    }

    /** Half the time no restriction, else one to three values. */
    private static Set<String> someValues(Random random) {
        if (random.nextBoolean()) {
            return Set.of();
        }
        List<String> values = new ArrayList<>(VALUES.subList(0, 1 + random.nextInt(3)));
        Collections.shuffle(values, random);
        return Set.copyOf(values.subList(0, 1 + random.nextInt(values.size())));
    }

    /** Each value one of the ads' four, one no ad names ("z"), or unknown. */
    private static Viewer randomViewer(Random random) {
        List<String> interests = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            interests.add(someValue(random, false));
        }
        return new Viewer(
                "viewer",
                someValue(random, true),
                someValue(random, true),
                someValue(random, true),
                interests,
                someValue(random, true),
                someValue(random, true));
    }

    private static String someValue(Random random, boolean mayBeUnknown) {
        int pick = random.nextInt(6);
        if (pick == 5 && mayBeUnknown) {
            return null;
        }
        return pick >= 4 ? "z" : VALUES.get(pick);
    }
}
