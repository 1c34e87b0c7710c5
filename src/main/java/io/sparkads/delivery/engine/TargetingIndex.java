package io.sparkads.delivery.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which ads of a list target a viewer, as bitsets over their positions in the list, so that a
 * request walks only the ads it could get and skips the others 64 at a time.
 *
 * <p>Per targeting dimension, built once with the list: for each value some ad names, the ads that
 * allow it (those naming it, and those not restricted on the dimension); and the ads not
 * restricted, which is all that a viewer whose value is unknown, or named by no ad, matches. A
 * request looks each of its values up once ({@link #matching}); the walk then reads one word per
 * dimension (and per interest of the viewer's) for 64 ads. The bitsets say exactly what {@link
 * Targeting#matches(Viewer)} says.
 */
final class TargetingIndex {

    private final int size;
    private final int words;
    private final Dimension regions;
    private final Dimension ageGroups;
    private final Dimension genders;
    private final Dimension languages;
    private final Dimension operatingSystems;
    private final Dimension interests;

    /** The index of the ads' targeting, by their positions in {@code ads}. */
    TargetingIndex(AdCandidate[] ads) {
        this.size = ads.length;
        this.words = wordsFor(size);
        this.regions = new Dimension(words);
        this.ageGroups = new Dimension(words);
        this.genders = new Dimension(words);
        this.languages = new Dimension(words);
        this.operatingSystems = new Dimension(words);
        this.interests = new Dimension(words);
        // one pass over the ads: each one's targeting is read from memory once, not per dimension
        for (int i = 0; i < ads.length; i++) {
            Targeting targeting = ads[i].targeting();
            regions.add(i, targeting.regions());
            ageGroups.add(i, targeting.ageGroups());
            genders.add(i, targeting.genders());
            languages.add(i, targeting.languages());
            operatingSystems.add(i, targeting.operatingSystems());
            interests.add(i, targeting.interests());
        }
        for (Dimension dimension :
                List.of(regions, ageGroups, genders, languages, operatingSystems, interests)) {
            dimension.allowUnrestricted();
        }
    }

    private TargetingIndex(int size, Dimension[] dimensions) {
        this.size = size;
        this.words = wordsFor(size);
        this.regions = dimensions[0];
        this.ageGroups = dimensions[1];
        this.genders = dimensions[2];
        this.languages = dimensions[3];
        this.operatingSystems = dimensions[4];
        this.interests = dimensions[5];
    }

    /**
     * The same index with an ad of this targeting inserted at {@code position}, the ads from there
     * on one position later: a copy of each bitset shifted by one bit, not a rebuild.
     */
    TargetingIndex inserted(int position, Targeting targeting) {
        int newWords = wordsFor(size + 1);
        return new TargetingIndex(
                size + 1,
                new Dimension[] {
                    regions.inserted(position, targeting.regions(), newWords),
                    ageGroups.inserted(position, targeting.ageGroups(), newWords),
                    genders.inserted(position, targeting.genders(), newWords),
                    languages.inserted(position, targeting.languages(), newWords),
                    operatingSystems.inserted(position, targeting.operatingSystems(), newWords),
                    interests.inserted(position, targeting.interests(), newWords)
                });
    }

    /** The same index without the ad at {@code position}, the ads after it one position earlier. */
    TargetingIndex removed(int position) {
        int newWords = wordsFor(size - 1);
        return new TargetingIndex(
                size - 1,
                new Dimension[] {
                    regions.removed(position, newWords),
                    ageGroups.removed(position, newWords),
                    genders.removed(position, newWords),
                    languages.removed(position, newWords),
                    operatingSystems.removed(position, newWords),
                    interests.removed(position, newWords)
                });
    }

    private static int wordsFor(int size) {
        return (size + 63) >>> 6;
    }

    /** A copy of the bits with {@code bit} inserted at {@code position}, the rest shifted up. */
    private static long[] withBit(long[] bits, int newWords, int position, boolean bit) {
        long[] result = Arrays.copyOf(bits, newWords);
        int w = position >>> 6;
        long below = (1L << position) - 1; // the shift takes position modulo 64
        long carry = bits.length > w ? bits[w] >>> 63 : 0;
        long word = bits.length > w ? bits[w] : 0;
        result[w] = (word & below) | ((word & ~below) << 1) | (bit ? 1L << position : 0);
        for (int i = w + 1; i < newWords; i++) {
            long old = i < bits.length ? bits[i] : 0;
            result[i] = (old << 1) | carry;
            carry = old >>> 63;
        }
        return result;
    }

    /** A copy of the bits without the one at {@code position}, the rest shifted down. */
    private static long[] withoutBit(long[] bits, int newWords, int position) {
        long[] result = Arrays.copyOf(bits, Math.max(newWords, bits.length));
        int w = position >>> 6;
        long below = (1L << position) - 1;
        long next = w + 1 < bits.length ? bits[w + 1] & 1 : 0;
        result[w] = (bits[w] & below) | ((bits[w] >>> 1) & ~below) | (next << 63);
        for (int i = w + 1; i < bits.length; i++) {
            long following = i + 1 < bits.length ? bits[i + 1] & 1 : 0;
            result[i] = (bits[i] >>> 1) | (following << 63);
        }
        return Arrays.copyOf(result, newWords);
    }

    /** The positions of the ads whose targeting the viewer matches, ascending. */
    Matches matching(Viewer viewer) {
        List<String> viewerInterests = viewer.interests();
        long[][] anyInterest;
        if (viewerInterests.isEmpty()) {
            anyInterest = new long[][] {interests.unrestricted};
        } else {
            anyInterest = new long[viewerInterests.size()][];
            for (int i = 0; i < anyInterest.length; i++) {
                anyInterest[i] = interests.allowing(viewerInterests.get(i));
            }
        }
        return new Matches(
                words,
                regions.allowing(viewer.region()),
                ageGroups.allowing(viewer.ageGroup()),
                genders.allowing(viewer.gender()),
                languages.allowing(viewer.language()),
                operatingSystems.allowing(viewer.os()),
                anyInterest);
    }

    /**
     * A walk over the matching positions, ascending: {@link #next} until it answers -1. One per
     * request; not thread-safe.
     */
    static final class Matches {
        private final int words;
        private final long[] region;
        private final long[] ageGroup;
        private final long[] gender;
        private final long[] language;
        private final long[] os;

        /** The viewer matches an ad's interests if any of these has its bit (an OR). */
        private final long[][] anyInterest;

        private int word = -1;
        private long bits;

        private Matches(
                int words,
                long[] region,
                long[] ageGroup,
                long[] gender,
                long[] language,
                long[] os,
                long[][] anyInterest) {
            this.words = words;
            this.region = region;
            this.ageGroup = ageGroup;
            this.gender = gender;
            this.language = language;
            this.os = os;
            this.anyInterest = anyInterest;
        }

        /** Continues the walk at {@code position}: {@link #next} returns none before it. */
        void seek(int position) {
            word = position >> 6;
            bits = word < words ? wordAt(word) & (-1L << (position & 63)) : 0;
        }

        /** The next matching position, or -1 when there is none. */
        int next() {
            while (bits == 0) {
                if (++word >= words) {
                    word = words; // stay exhausted
                    return -1;
                }
                bits = wordAt(word);
            }
            int position = (word << 6) + Long.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            return position;
        }

        private long wordAt(int w) {
            long all = region[w] & ageGroup[w] & gender[w] & language[w] & os[w];
            if (all == 0) {
                return 0;
            }
            long interest = 0;
            for (long[] bitset : anyInterest) {
                interest |= bitset[w];
            }
            return all & interest;
        }
    }

    /** One targeting dimension's bitsets. */
    private static final class Dimension {
        /** The ads not restricted on the dimension. */
        final long[] unrestricted;

        /** Per value some ad names: the ads naming it, and the unrestricted ones. */
        private final Map<String, long[]> allowingByValue = new HashMap<>();

        private final int words;

        Dimension(int words) {
            this(words, new long[words]);
        }

        private Dimension(int words, long[] unrestricted) {
            this.words = words;
            this.unrestricted = unrestricted;
        }

        void add(int position, Set<String> named) {
            if (named.isEmpty()) {
                unrestricted[position >>> 6] |= 1L << position;
                return;
            }
            for (String value : named) {
                long[] naming = allowingByValue.get(value);
                if (naming == null) {
                    naming = new long[words];
                    allowingByValue.put(value, naming);
                }
                naming[position >>> 6] |= 1L << position;
            }
        }

        /** Once every ad is added: the unrestricted ads allow every value too. */
        void allowUnrestricted() {
            for (long[] allowing : allowingByValue.values()) {
                for (int w = 0; w < words; w++) {
                    allowing[w] |= unrestricted[w];
                }
            }
        }

        Dimension inserted(int position, Set<String> named, int newWords) {
            Dimension result =
                    new Dimension(
                            newWords, withBit(unrestricted, newWords, position, named.isEmpty()));
            allowingByValue.forEach(
                    (value, bits) ->
                            result.allowingByValue.put(
                                    value,
                                    withBit(
                                            bits,
                                            newWords,
                                            position,
                                            named.isEmpty() || named.contains(value))));
            for (String value : named) {
                // a value no ad named before: the unrestricted ads, and this one
                result.allowingByValue.computeIfAbsent(
                        value, v -> withBit(unrestricted, newWords, position, true));
            }
            return result;
        }

        Dimension removed(int position, int newWords) {
            Dimension result =
                    new Dimension(newWords, withoutBit(unrestricted, newWords, position));
            allowingByValue.forEach(
                    (value, bits) ->
                            result.allowingByValue.put(
                                    value, withoutBit(bits, newWords, position)));
            return result;
        }

        /** The ads a viewer with this value matches on the dimension; {@code null}: unknown. */
        long[] allowing(String value) {
            if (value == null) {
                return unrestricted;
            }
            return allowingByValue.getOrDefault(value, unrestricted);
        }
    }
}
