package dev.loci.episodic.event;

/** What one consolidation pass did: how many runs of redundant events it merged and how many events went. */
public record ConsolidationReport(long eventsExamined, long runsMerged, long eventsMerged) {
}
