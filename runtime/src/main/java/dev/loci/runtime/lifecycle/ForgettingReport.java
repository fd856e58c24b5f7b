package dev.loci.runtime.lifecycle;

/** What one forgetting pass did. Summaries are never removed, so there is no count of them here. */
public record ForgettingReport(long episodesExamined, long episodesForgotten, long eventsRemoved) {
}
