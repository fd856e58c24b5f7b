package dev.loci.ros.memory;

/**
 * The bounds of loci_msgs checked again on receipt: the generated reader accepts strings and sequences
 * longer than the .msg declares, so a peer that does not check them could otherwise get them in.
 */
final class WireBounds {
    private WireBounds() {
    }

    static void string(String field, CharSequence value, int bound) {
        if (value.length() > bound) {
            throw new OversizeException(field, value.length(), bound);
        }
    }

    static void sequence(String field, int size, int bound) {
        if (size > bound) {
            throw new OversizeException(field, size, bound);
        }
    }

    static final class OversizeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        OversizeException(String field, int length, int bound) {
            super(field + " has " + length + " elements/characters, more than its bound " + bound);
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
