package dev.loci.episodic.event;

/** An event with the id the log gave it. Events are immutable once logged, so their version is always 1. */
public record StoredEvent(long id, Event event) {
    public long version() {
        return 1;
    }
}
