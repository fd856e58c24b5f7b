package dev.loci.episodic.chunk;

import java.util.List;

/**
 * @param hits        the top-k events, best first (ties: newer event first)
 * @param withContext the hits and their temporal neighbours, in log order, each event once
 * @param sessions    closed sessions descended into, in memory order (the robots' open sessions have no id yet)
 * @param episodes    closed episodes whose events were scored, in log order per robot
 */
public record RecallResult(List<RecalledEvent> hits, List<RecalledEvent> withContext, List<Long> sessions,
                           List<Long> episodes, RecallCost cost) {
    public RecallResult {
        hits = List.copyOf(hits);
        withContext = List.copyOf(withContext);
        sessions = List.copyOf(sessions);
        episodes = List.copyOf(episodes);
    }

    public List<Long> hitIds() {
        return hits.stream().map(RecalledEvent::eventId).toList();
    }
}
