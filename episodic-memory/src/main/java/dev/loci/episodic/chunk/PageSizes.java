package dev.loci.episodic.chunk;

/**
 * How the packed vector stores size their pages: a store's first page starts small and doubles up to a full page
 * (small stores, such as one open session's keys, should not reserve a full page); later pages are full.
 */
final class PageSizes {
    private PageSizes() {
    }

    /** Vectors the page that vector {@code size} starts gets room for. */
    static int firstCapacity(int size, int page) {
        return size == 0 ? 1 : Math.min(page, Integer.highestOneBit(size) * 2);
    }

    /** The length a page of {@code length} elements grows to when its next slot does not fit, or -1 if it fits. */
    static int grownLength(int length, int slot, int page, int dimensions) {
        return length >= (slot + 1) * dimensions ? -1 : Math.min(page * dimensions, length * 2);
    }
}
