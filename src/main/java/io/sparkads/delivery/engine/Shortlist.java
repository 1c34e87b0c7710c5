package io.sparkads.delivery.engine;

/**
 * The best {@code capacity} eligible ads seen so far, as positions in the ranking, best first,
 * holding at most one ad per item: the best-ranked one. An ad whose item is already listed either
 * replaces that entry (when it ranks higher) or is dropped. Offers arrive in eCPM order, ties in
 * any order.
 */
final class Shortlist {
    final PlacementRanking ranking;
    final int[] positions;
    final long[] tieKeys;
    int size;

    Shortlist(PlacementRanking ranking, int capacity) {
        this.ranking = ranking;
        this.positions = new int[capacity];
        this.tieKeys = new long[capacity];
    }

    boolean isFull() {
        return size == positions.length;
    }

    long lastEcpmMicros() {
        return ranking.ecpmMicros[positions[size - 1]];
    }

    boolean ranksAboveLast(int position, long tieKey) {
        return ranksAbove(position, tieKey, positions[size - 1], tieKeys[size - 1]);
    }

    void offer(int position, long tieKey) {
        Long itemId = ranking.ads[position].itemId();
        if (itemId != null) {
            for (int i = 0; i < size; i++) {
                if (itemId.equals(ranking.ads[positions[i]].itemId())) {
                    if (ranksAbove(positions[i], tieKeys[i], position, tieKey)) {
                        return; // the item is already listed with a better ad
                    }
                    removeAt(i);
                    break;
                }
            }
        }
        if (isFull()) {
            if (!ranksAboveLast(position, tieKey)) {
                return;
            }
            size--; // the last entry makes room
        }
        int at = size;
        while (at > 0 && ranksAbove(position, tieKey, positions[at - 1], tieKeys[at - 1])) {
            positions[at] = positions[at - 1];
            tieKeys[at] = tieKeys[at - 1];
            at--;
        }
        positions[at] = position;
        tieKeys[at] = tieKey;
        size++;
    }

    private void removeAt(int i) {
        System.arraycopy(positions, i + 1, positions, i, size - i - 1);
        System.arraycopy(tieKeys, i + 1, tieKeys, i, size - i - 1);
        size--;
    }

    /** Higher eCPM first; on equal eCPM, the lower tie key; on equal keys, the earlier position. */
    private boolean ranksAbove(int a, long aKey, int b, long bKey) {
        long aEcpm = ranking.ecpmMicros[a];
        long bEcpm = ranking.ecpmMicros[b];
        if (aEcpm != bEcpm) {
            return aEcpm > bEcpm;
        }
        if (aKey != bKey) {
            return aKey < bKey;
        }
        return a < b;
    }
}
