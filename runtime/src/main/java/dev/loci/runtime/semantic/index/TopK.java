package dev.loci.runtime.semantic.index;

/**
 * The {@code k} best (score, slot) pairs seen, in a min-heap of primitives (no boxing in the scan loop). Ties
 * go to the lower slot, so results are deterministic.
 */
final class TopK {
    private final float[] scores;
    private final int[] slots;
    private int size;

    TopK(int k) {
        scores = new float[k];
        slots = new int[k];
    }

    /** Score a candidate must beat to enter (minus infinity while not full). */
    float threshold() {
        return size < scores.length ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(float score, int slot) {
        if (size < scores.length) {
            scores[size] = score;
            slots[size] = slot;
            up(size++);
        } else if (better(score, slot, scores[0], slots[0])) {
            scores[0] = score;
            slots[0] = slot;
            down(0);
        }
    }

    int size() {
        return size;
    }

    /** Slots best first; empties the heap. */
    int[] drainBestFirst(float[] scoresOut) {
        int[] order = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            order[i] = slots[0];
            scoresOut[i] = scores[0];
            size--;
            scores[0] = scores[size];
            slots[0] = slots[size];
            down(0);
        }
        return order;
    }

    private static boolean better(float score, int slot, float otherScore, int otherSlot) {
        return score > otherScore || score == otherScore && slot < otherSlot;
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(scores[parent], slots[parent], scores[i], slots[i])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(scores[left], slots[left], scores[right], slots[right])) {
                worst = right;
            }
            if (!better(scores[i], slots[i], scores[worst], slots[worst])) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int t = slots[a];
        slots[a] = slots[b];
        slots[b] = t;
    }
}
