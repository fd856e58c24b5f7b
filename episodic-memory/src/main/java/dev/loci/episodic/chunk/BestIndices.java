package dev.loci.episodic.chunk;

/**
 * The indexes of the {@code m} best of {@code n} scores, best first; ties go to the higher id. A binary min-heap
 * over primitive arrays: chunk selection scores tens of thousands of nodes per query, and boxing each into an
 * object for a priority queue cost more than scoring them.
 */
final class BestIndices {
    private BestIndices() {
    }

    static int[] of(double[] scores, long[] ids, int n, int m) {
        int size = Math.min(m, n);
        int[] heap = new int[size];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            if (filled < size) {
                heap[filled] = i;
                siftUp(heap, filled, scores, ids);
                filled++;
            } else if (size > 0 && better(i, heap[0], scores, ids)) {
                heap[0] = i;
                siftDown(heap, size, scores, ids);
            }
        }
        // Pop worst first into the back: best ends up first.
        int[] best = new int[filled];
        for (int end = filled - 1; end >= 0; end--) {
            best[end] = heap[0];
            heap[0] = heap[end];
            siftDown(heap, end, scores, ids);
        }
        return best;
    }

    private static boolean better(int a, int b, double[] scores, long[] ids) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && ids[a] > ids[b]);
    }

    private static void siftUp(int[] heap, int at, double[] scores, long[] ids) {
        int node = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!better(heap[parent], node, scores, ids)) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = node;
    }

    private static void siftDown(int[] heap, int size, double[] scores, long[] ids) {
        if (size == 0) {
            return;
        }
        int at = 0;
        int node = heap[0];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && better(heap[child], heap[child + 1], scores, ids)) {
                child++; // the worse child
            }
            if (!better(node, heap[child], scores, ids)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = node;
    }
}
