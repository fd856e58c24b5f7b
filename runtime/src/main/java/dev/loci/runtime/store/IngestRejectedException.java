package dev.loci.runtime.store;

/** The write queue stayed full for the whole offer timeout: the caller should slow down or drop. */
public final class IngestRejectedException extends RuntimeException {
    public IngestRejectedException(String message) {
        super(message);
    }
}
