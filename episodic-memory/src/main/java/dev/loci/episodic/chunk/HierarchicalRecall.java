package dev.loci.episodic.chunk;

import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The two retrieval paths over the same index and the same scoring function.
 *
 * <p>Hierarchical (HCAM's coarse-to-fine descent, then EM-LLM's temporal contiguity):
 * <ol>
 *   <li>score every key of every closed session (one key per task, see {@link SessionKeys}); a session scores
 *       as its best key; keep the {@code sessionBeam} best closed sessions, plus each robot's open session;</li>
 *   <li>keep the {@code groupBeam} best keys of those sessions and score their episodes;</li>
 *   <li>keep the {@code episodeBeam} best episodes and score their events, and every event of the robots' open
 *       tails (not in any episode yet); keep the top k;</li>
 *   <li>add {@code neighbours} events either side of each hit from the same robot's history.</li>
 * </ol>
 *
 * <p>Exhaustive: score every event; the reference the hierarchical path is measured against.
 */
final class HierarchicalRecall {
    private HierarchicalRecall() {
    }

    static RecallResult recall(Collection<RobotChunks> robots, RecallQuery query) {
        float[] q = query.vector().toArray();
        long inMemory = 0;
        List<SessionNode> sessions = new ArrayList<>();
        List<SessionNode> open = new ArrayList<>();
        List<EpisodeNode> tails = new ArrayList<>();
        for (RobotChunks robot : robots) {
            inMemory += robot.history.size();
            sessions.addAll(robot.sessions);
            SessionNode openSession = robot.openSessionNode();
            if (openSession != null) {
                open.add(openSession);
            }
            EpisodeNode tail = robot.tailNode();
            if (tail != null) {
                tails.add(tail);
            }
        }
        int closedSessions = sessions.size();
        sessions.addAll(open);
        // Level 1: every key of every session; a session scores as its best key.
        int keyTotal = 0;
        for (SessionNode session : sessions) {
            keyTotal += session.keyCount();
        }
        double[] keyScores = new double[keyTotal];
        int[] keyOffset = new int[sessions.size()];
        double[] sessionScores = new double[sessions.size()];
        long[] sessionIds = new long[sessions.size()];
        int offset = 0;
        for (int i = 0; i < sessionScores.length; i++) {
            SessionNode session = sessions.get(i);
            keyOffset[i] = offset;
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < session.keyCount(); k++) {
                keyScores[offset + k] = session.keyScore(k, q);
                best = Math.max(best, keyScores[offset + k]);
            }
            offset += session.keyCount();
            sessionScores[i] = best;
            sessionIds[i] = session.chunkId;
        }
        // The best closed sessions, and every robot's open session: the newest episodes are not summarised by a
        // closed session yet, and there is at most one open session per robot.
        int[] bestClosed = BestIndices.of(sessionScores, sessionIds, closedSessions, query.sessionBeam());
        int[] bestSessions = Arrays.copyOf(bestClosed, bestClosed.length + open.size());
        for (int i = 0; i < open.size(); i++) {
            bestSessions[bestClosed.length + i] = closedSessions + i;
        }
        // Descend in memory order, not score order: the chosen nodes' vectors are then read front to back, which
        // the hardware prefetches (score order measured 2-3x slower per vector). The result does not depend on
        // the order: selection and top-k break ties by id.
        int[] sessionsInMemoryOrder = bestSessions.clone();
        Arrays.sort(sessionsInMemoryOrder);

        // Level 2: the keys (task groups) of the best sessions; keep the best groupBeam of them.
        int candidateKeys = 0;
        for (int s : sessionsInMemoryOrder) {
            candidateKeys += sessions.get(s).keyCount();
        }
        double[] groupScores = new double[candidateKeys];
        long[] groupIds = new long[candidateKeys];
        int[] groupSession = new int[candidateKeys];
        int[] groupKey = new int[candidateKeys];
        int g = 0;
        for (int s : sessionsInMemoryOrder) {
            for (int k = 0; k < sessions.get(s).keyCount(); k++) {
                groupScores[g] = keyScores[keyOffset[s] + k];
                groupIds[g] = (long) s << 20 | k; // unique and stable for this query: ties by position
                groupSession[g] = s;
                groupKey[g] = k;
                g++;
            }
        }
        int[] bestGroups = BestIndices.of(groupScores, groupIds, candidateKeys, query.groupBeam());
        Arrays.sort(bestGroups);

        // Level 3: the episodes of those groups; keep the best episodeBeam.
        int episodeCount = 0;
        for (int b : bestGroups) {
            episodeCount += sessions.get(groupSession[b]).keyMembers(groupKey[b]).length;
        }
        EpisodeNode[] episodes = new EpisodeNode[episodeCount];
        double[] episodeScores = new double[episodeCount];
        long[] episodeIds = new long[episodeCount];
        int e = 0;
        for (int b : bestGroups) {
            SessionNode session = sessions.get(groupSession[b]);
            for (int position : session.keyMembers(groupKey[b])) {
                EpisodeNode episode = session.episodes.get(position);
                episodes[e] = episode;
                episodeScores[e] = episode.score(q);
                episodeIds[e] = episode.chunkId;
                e++;
            }
        }
        int[] bestEpisodes = BestIndices.of(episodeScores, episodeIds, episodeCount, query.episodeBeam());
        TopEvents top = new TopEvents(query.k());
        int scored = 0;
        int[] episodesInMemoryOrder = bestEpisodes.clone();
        Arrays.sort(episodesInMemoryOrder);
        List<EpisodeNode> descended = new ArrayList<>(episodesInMemoryOrder.length + tails.size());
        for (int i : episodesInMemoryOrder) {
            descended.add(episodes[i]);
        }
        // The open tails (events not in any episode yet, at most a segment or two per robot) are scored directly.
        descended.addAll(tails);
        for (EpisodeNode node : descended) {
            for (int o = node.from; o < node.to; o++) {
                top.offer(node.history.dot(o, q), node.history, o);
            }
            scored += node.to - node.from;
        }
        return result(top, query, q, closedIds(bestSessions, sessionIds), closedIds(bestEpisodes, episodeIds),
                sessionScores.length, keyTotal, episodeCount, scored, inMemory);
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
        return result(top, query, q, List.of(), List.of(), 0, 0, 0, (int) inMemory, inMemory);
    }

    private static List<Long> closedIds(int[] chosen, long[] ids) {
        List<Long> closed = new ArrayList<>(chosen.length);
        for (int i : chosen) {
            if (ids[i] != EpisodeNode.OPEN) {
                closed.add(ids[i]);
            }
        }
        return closed;
    }

    private static RecallResult result(TopEvents top, RecallQuery query, float[] q, List<Long> sessionIds,
                                       List<Long> episodeIds, int sessionsScored, int keysScored,
                                       int episodesScored, int eventsScored, long inMemory) {
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
        RecallCost cost = new RecallCost(sessionsScored, keysScored, episodesScored, eventsScored, context,
                inMemory);
        return new RecallResult(hits, ordered, sessionIds, episodeIds, cost);
    }

    private static RecalledEvent event(RobotHistory history, int ordinal, double score, boolean hit, long anchor) {
        long id = history.id(ordinal);
        return new RecalledEvent(id, history.robot(), Timestamp.ofNanos(history.time(ordinal)), score, hit,
                hit ? id : anchor);
    }
}
