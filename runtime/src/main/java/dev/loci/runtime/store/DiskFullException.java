package dev.loci.runtime.store;

/**
 * A write was refused because the store's disk is (nearly) full. Nothing was changed: writes resume by
 * themselves once space is freed. Also thrown, wrapped, when a commit itself ran out of space; then the store
 * is read-only until reopened (acknowledged writes are safe either way).
 */
public final class DiskFullException extends RuntimeException {
    public DiskFullException(String message) {
        super(message);
    }

    public DiskFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code error} or one of its causes is the operating system's "No space left on device". */
    static boolean causedByFullDisk(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DiskFullException
                    || (t.getMessage() != null && t.getMessage().contains("No space left on device"))) {
                return true;
            }
        }
        return false;
    }
}
