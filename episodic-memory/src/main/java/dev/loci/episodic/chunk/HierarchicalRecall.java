package dev.loci.episodic.chunk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The two retrieval paths over the same index and the same scoring function.
 *
 * <p>Hierarchical (HCAM's coarse-to-fine descent, then EM-LLM's temporal contiguity): score every session by
 * its best key (one per task, see {@link SessionKeys}), keep the {@code sessionBeam} best; score the episodes of those sessions, keep the {@code episodeBeam}
 * best across them; score the events of those episodes, keep the top k; then add {@code neighbours} events
 * either side of each hit from the same robot's history.
 *
 * <p>Exhaustive: score every event; the reference the hierarchical path is measured against.
 */
final class HierarchicalRecall {
    private record Scored<T>(double score, long id, T node) {
    }

    private HierarchicalRecall() {
    }

    static RecallResult recall(Collection<RobotChunks> robots, RecallQuery query) {
        float[] q = query.vector().toArray();
        long inMemory = 0;
        List<SessionNode> sessions = new ArrayList<>();
        for (RobotChunks robot : robots) {
            inMemory += robot.history.size();
            sessions.addAll(robot.sessions);
            SessionNode open = robot.openSessionNode();
            if (open != null) {
                sessions.add(open);
            }
        }
        List<Scored<SessionNode>> bestSessions = best(sessions, query.sessionBeam(), session -> session.score(q),
                session -> session.chunkId);
        List<EpisodeNode> episodes = new ArrayList<>();
        for (Scored<SessionNode> session : bestSessions) {
            episodes.addAll(session.node().episodes);
        }
        List<Scored<EpisodeNode>> bestEpisodes = best(episodes, query.episodeBeam(),
                episode -> Vectors.dot(q, episode.vector), episode -> episode.chunkId);
        TopEvents top = new TopEvents(query.k());
        int scored = 0;
        for (Scored<EpisodeNode> episode : bestEpisodes) {
            EpisodeNode node = episode.node();
            for (int o = node.from; o < node.to; o++) {
                top.offer(node.history.dot(o, q), node.history, o);
            }
            scored += node.to - node.from;
        }
        List<Long> sessionIds = closedIds(bestSessions);
        List<Long> episodeIds = closedIds(bestEpisodes);
        return result(top, query, q, sessionIds, episodeIds, sessions.size(), episodes.size(), scored, inMemory);
    }

    static RecallResult scan(Collection<RobotChunks> robots, RecallQuery query) {
        float[] q = query.vector().toArray();
        TopEvents top = new TopEvents(query.k());
        long inMemory = 0;
        for (RobotChunks robot : robots) {
            RobotHistory history = robot.history;
            inMemory += history.size();
            for (int o = 0; o < history.size(); o++) {
                top.offer(history.dot(o, q), history, o);
            }
        }
        return result(top, query, q, List.of(), List.of(), 0, 0, (int) inMemory, inMemory);
    }

    /** The {@code beam} best nodes by score; ties to the higher (newer) id, so open ones first. */
    private static <T> List<Scored<T>> best(List<T> nodes, int beam, ToDoubleFunction<T> score,
                                            ToLongFunction<T> id) {
        Comparator<Scored<T>> worstFirst = Comparator.<Scored<T>>comparingDouble(Scored::score)
                .thenComparingLong(Scored::id);
        PriorityQueue<Scored<T>> heap = new PriorityQueue<>(Math.min(beam, nodes.size()) + 1, worstFirst);
        for (T node : nodes) {
            Scored<T> scored = new Scored<>(score.applyAsDouble(node), id.applyAsLong(node), node);
            if (heap.size() < beam) {
                heap.add(scored);
            } else if (worstFirst.compare(scored, heap.peek()) > 0) {
                heap.poll();
                heap.add(scored);
            }
        }
        List<Scored<T>> best = new ArrayList<>(heap);
        best.sort(worstFirst.reversed());
        return best;
    }

    private static <T> List<Long> closedIds(List<Scored<T>> nodes) {
        List<Long> ids = new ArrayList<>(nodes.size());
        for (Scored<T> node : nodes) {
            if (node.id() != EpisodeNode.OPEN) {
                ids.add(node.id());
            }
        }
        return ids;
    }

    private static RecallResult result(TopEvents top, RecallQuery query, float[] q, List<Long> sessionIds,
                                       List<Long> episodeIds, int sessionsScored, int episodesScored,
                                       int eventsScored, long inMemory) {
        List<RecalledEvent> hits = new ArrayList<>(top.size());
        Map<Long, RecalledEvent> withContext = new HashMap<>();
        for (int rank = 0; rank < top.size(); rank++) {
            RecalledEvent hit = event(top.history(rank), top.ordinal(rank), top.score(rank), true, -1);
            hits.add(hit);
            withContext.put(hit.eventId(), hit);
        }
        int context = 0;
        for (int rank = 0; rank < top.size(); rank++) {
            RobotHistory history = top.history(rank);
            int ordinal = top.ordinal(rank);
            long anchor = history.id(ordinal);
            int from = Math.max(0, ordinal - query.neighbours());
            int to = Math.min(history.size() - 1, ordinal + query.neighbours());
            for (int o = from; o <= to; o++) {
                long id = history.id(o);
                if (!withContext.containsKey(id)) {
                    withContext.put(id, event(history, o, history.dot(o, q), false, anchor));
                    context++;
                }
            }
        }
        List<RecalledEvent> ordered = new ArrayList<>(withContext.values());
        ordered.sort(Comparator.comparingLong(RecalledEvent::eventId));
        RecallCost cost = new RecallCost(sessionsScored, episodesScored, eventsScored, context, inMemory);
        return new RecallResult(hits, ordered, sessionIds, episodeIds, cost);
    }

    private static RecalledEvent event(RobotHistory history, int ordinal, double score, boolean hit, long anchor) {
        long id = history.id(ordinal);
        return new RecalledEvent(id, history.robot(), dev.loci.spatial.provenance.Timestamp.ofNanos(
                history.time(ordinal)), score, hit, hit ? id : anchor);
    }
}
