package dev.loci.episodic.chunk;

import java.util.Arrays;

/**
 * Vectors of one length packed back to back in pages of floats, addressed by index. Scoring a run of
 * consecutive vectors (an episode's events, a session's episodes or keys) is then a scan over contiguous memory
 * that the hardware prefetches, instead of a pointer chase through one small array per vector, which measured
 * several times slower per vector than the exhaustive scan.
 */
final class PackedVectors {
    static final int PAGE_SHIFT = 10;
    static final int PAGE = 1 << PAGE_SHIFT;

    private final int dimensions;
    /** pages[p] holds vectors of page {@code firstPage + p}: pages before firstPage were dropped. */
    private float[][] pages = new float[1][];
    private int firstPage;
    private int size;

    PackedVectors(int dimensions) {
        this.dimensions = dimensions;
    }

    int size() {
        return size;
    }

    int dimensions() {
        return dimensions;
    }

    /** Appends a vector; returns its index. */
    int add(float[] vector) {
        int page = (size >>> PAGE_SHIFT) - firstPage;
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        if (pages[page] == null) {
            pages[page] = new float[PageSizes.firstCapacity(size, PAGE) * dimensions];
        } else {
            int grown = PageSizes.grownLength(pages[page].length, size & (PAGE - 1), PAGE, dimensions);
            pages[page] = grown < 0 ? pages[page] : Arrays.copyOf(pages[page], grown);
        }
        System.arraycopy(vector, 0, pages[page], (size & (PAGE - 1)) * dimensions, dimensions);
        return size++;
    }

    /**
     * Frees a full page whose vectors are no longer needed (their events' detail was forgotten); from then on
     * they read as zeros. Returns whether a page was freed.
     */
    boolean releasePage(int page) {
        int p = page - firstPage;
        if (p < 0 || p >= pages.length || (page + 1) << PAGE_SHIFT > size || pages[p] == null) {
            return false;
        }
        pages[p] = null;
        return true;
    }

    /**
     * Forgets pages before {@code page} for good (all released): indices below {@code page << PAGE_SHIFT} must
     * not be read again. Indices of the later vectors do not change; only the page table shrinks.
     */
    void dropPagesBefore(int page) {
        int drop = page - firstPage;
        if (drop <= 0) {
            return;
        }
        pages = Arrays.copyOfRange(pages, drop, Math.max(drop + 1, pages.length));
        firstPage = page;
    }

    /** Bytes of the vector pages and the page table (array lengths, not a heap measurement). */
    long retainedBytes() {
        long bytes = 16 + 8L * pages.length;
        for (float[] page : pages) {
            bytes += page == null ? 0 : 16 + 4L * page.length;
        }
        return bytes;
    }
    float[] copy(int index) {
        float[] vector = new float[dimensions];
        float[] page = pages[(index >>> PAGE_SHIFT) - firstPage];
        if (page != null) {
            System.arraycopy(page, (index & (PAGE - 1)) * dimensions, vector, 0, dimensions);
        }
        return vector;
    }

    /** Adds vector {@code index} into {@code sum}. */
    void addTo(float[] sum, int index) {
        float[] page = pages[(index >>> PAGE_SHIFT) - firstPage];
        if (page == null) {
            return;
        }
        int offset = (index & (PAGE - 1)) * dimensions;
        for (int i = 0; i < dimensions; i++) {
            sum[i] += page[offset + i];
        }
    }

    /**
     * Dot product of vector {@code index} with {@code query}, in eight independent sums so the loop pipelines.
     * Every level of recall and the exhaustive scan use this one function, so the same event always gets the
     * bit-identical score and the two paths' rankings are comparable.
     */
    double dot(int index, float[] query) {
        float[] page = pages[(index >>> PAGE_SHIFT) - firstPage];
        return page == null ? 0 : Vectors.dot(page, (index & (PAGE - 1)) * dimensions, query, dimensions);
    }
}
