package dev.loci.episodic.chunk;

/**
 * What a recall touched: sessions ranked, session keys, episode vectors and event vectors scored, context
 * events added, and the number of events in memory (of the robots the query covers).
 */
public record RecallCost(int sessionsScored, int keysScored, int episodesScored, int eventsScored,
                         int contextEvents, long eventsInMemory) {
    /** Share of the events whose vectors were scored (context events are read but not scored). */
    public double fractionScored() {
        return eventsInMemory == 0 ? 0 : (double) eventsScored / eventsInMemory;
    }

    /** Share of the events read at all: scored plus context. */
    public double fractionTouched() {
        return eventsInMemory == 0 ? 0 : (double) (eventsScored + contextEvents) / eventsInMemory;
    }
}
