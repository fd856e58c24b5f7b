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
 *       tails (not in any episode yet); keep the best {@link #candidates} and rescore them exactly: the top k;</li>
 *   <li>add {@code neighbours} events either side of each hit from the same robot's history.</li>
 * </ol>
 *
 * <p>Levels 1-3 and the candidates of level 4 are ranked with int8 vectors read in memory order (a quarter of the
 * bytes of floats); only the candidates are scored with the float vectors, the same function the scan uses, so a
 * hit has the scan's score bit for bit.
 *
 * <p>Exhaustive: score every event's float vector; the reference the hierarchical path is measured against.
 */
final class HierarchicalRecall {
    private HierarchicalRecall() {
    }

    static RecallResult recall(Collection<RobotChunks> robots, ObjectLabels labels, RecallQuery query) {
        float[] q = query.vector().toArray();
        QuantizedVectors.Query qi = QuantizedVectors.query(q);
        // Level 0: every label of an object seen, once; objects-seen keys and episodes score as their best label.
        ObjectLabels.Scores labelsScored = labels.scores(qi);
        float[] labelScores = labelsScored.scores();
        long inMemory = 0;
        List<SessionNode> sessions = new ArrayList<>();
        List<SessionNode> open = new ArrayList<>();
        List<EpisodeNode> tails = new ArrayList<>();
        int keyTotal = 0;
        for (RobotChunks robot : robots) {
            inMemory += robot.history.size();
            sessions.addAll(robot.sessions);
            for (SessionNode session : robot.sessions) {
                keyTotal += session.keyCount();
            }
            SessionNode openSession = robot.openSessionNode();
            if (openSession != null) {
                open.add(openSession);
                keyTotal += openSession.keyCount();
            }
            EpisodeNode tail = robot.tailNode();
            if (tail != null) {
                tails.add(tail);
            }
        }
        int closedSessions = sessions.size();
        sessions.addAll(open);
        // Level 1: every key of every session (the task keys are one contiguous int8 run per robot); a session
        // scores as its best key.
        float[] keyScores = new float[keyTotal];
        int[] keyOffset = new int[sessions.size()];
        float[] sessionScores = new float[sessions.size()];
        long[] sessionIds = new long[sessions.size()];
        int offset = 0;
        int sessionIndex = 0;
        for (RobotChunks robot : robots) {
            float[] storeScores = new float[robot.sessionKeys.size()];
            robot.sessionKeys.dotRange(qi, 0, storeScores.length, storeScores);
            float[] seenScores = new float[robot.seenKeys.size()];
            robot.seenKeys.best(labelScores, labelsScored.nonZero(), labelsScored.nonZeroCount(), seenScores,
                    new int[seenScores.length]);
            for (SessionNode session : robot.sessions) {
                offset = scoreSession(session, qi, storeScores, seenScores, labelScores, keyScores, offset,
                        sessionIndex, keyOffset, sessionScores, sessionIds);
                sessionIndex++;
            }
        }
        for (SessionNode session : open) { // open sessions keep their keys in a store of their own
            offset = scoreSession(session, qi, null, null, labelScores, keyScores, offset, sessionIndex,
                    keyOffset, sessionScores, sessionIds);
            sessionIndex++;
        }
        // The best closed sessions, and every robot's open session: the newest episodes are not summarised by a
        // closed session yet, and there is at most one open session per robot. Chosen nodes are visited in
        // memory order (BestIndices returns index order), so their vectors are read front to back, which the
        // hardware prefetches (score order measured 2-3x slower per vector). The result does not depend on the
        // order: selection and top-k break ties by id.
        int[] bestClosed = BestIndices.of(sessionScores, sessionIds, closedSessions, query.sessionBeam());
        int[] bestSessions = Arrays.copyOf(bestClosed, bestClosed.length + open.size());
        for (int i = 0; i < open.size(); i++) {
            bestSessions[bestClosed.length + i] = closedSessions + i;
        }

        // Level 2: the keys (task groups) of the best sessions; keep the best groupBeam of them.
        int candidateKeys = 0;
        for (int s : bestSessions) {
            candidateKeys += sessions.get(s).keyCount();
        }
        float[] groupScores = new float[candidateKeys];
        long[] groupIds = new long[candidateKeys];
        int[] groupSession = new int[candidateKeys];
        int[] groupKey = new int[candidateKeys];
        int g = 0;
        for (int s : bestSessions) {
            for (int k = 0; k < sessions.get(s).keyCount(); k++) {
                groupScores[g] = keyScores[keyOffset[s] + k];
                groupIds[g] = (long) s << 20 | k; // unique and stable for this query: ties by position
                groupSession[g] = s;
                groupKey[g] = k;
                g++;
            }
        }
        int[] bestGroups = BestIndices.of(groupScores, groupIds, candidateKeys, query.groupBeam());

        // Level 3: the episodes of those groups, each group one contiguous int8 run; keep the best episodeBeam.
        int episodeCount = 0;
        for (int b : bestGroups) {
            episodeCount += sessions.get(groupSession[b]).keyMembers(groupKey[b]).length;
        }
        EpisodeNode[] episodes = new EpisodeNode[episodeCount];
        float[] episodeScores = new float[episodeCount];
        long[] episodeIds = new long[episodeCount];
        float[] scratch = new float[64];
        // An episode can be under a task key and an objects-seen key of its session: it counts once, with its
        // better score. Chosen groups come in index order, so a session's groups are consecutive, and the
        // episode's position in its session finds its slot (slotOf: position -> slot, -1 for none yet).
        int[] slotOf = new int[64];
        int currentSession = -1;
        int e = 0;
        for (int b : bestGroups) {
            SessionNode session = sessions.get(groupSession[b]);
            if (groupSession[b] != currentSession) {
                currentSession = groupSession[b];
                slotOf = session.episodes.size() <= slotOf.length ? slotOf : new int[session.episodes.size()];
                Arrays.fill(slotOf, 0, session.episodes.size(), -1);
            }
            int[] members = session.keyMembers(groupKey[b]);
            scratch = fit(scratch, members.length);
            session.scoreGroup(groupKey[b], qi, labelScores, scratch);
            for (int m = 0; m < members.length; m++) {
                int seen = slotOf[members[m]];
                if (seen >= 0) {
                    episodeScores[seen] = Math.max(episodeScores[seen], scratch[m]);
                    continue;
                }
                EpisodeNode episode = session.episodes.get(members[m]);
                slotOf[members[m]] = e;
                episodes[e] = episode;
                episodeScores[e] = scratch[m];
                episodeIds[e] = episode.chunkId;
                e++;
            }
        }
        int[] bestEpisodes = BestIndices.of(episodeScores, episodeIds, e, query.episodeBeam());
        List<EpisodeNode> descended = new ArrayList<>(bestEpisodes.length + tails.size());
        List<Long> descendedIds = new ArrayList<>(bestEpisodes.length);
        for (int i : bestEpisodes) {
            descended.add(episodes[i]);
            if (episodeIds[i] != EpisodeNode.OPEN) {
                descendedIds.add(episodeIds[i]);
            }
        }
        // Events in log order: episodes of one robot by their first event.
        descended.sort(Comparator.comparing((EpisodeNode n) -> n.history.robot()).thenComparingInt(n -> n.from));
        // The open tails (events not in any episode yet, at most a segment or two per robot) are scored directly.
        descended.addAll(tails);

        // Level 4: the chosen episodes' events, int8 in runs, keep the best candidates; then the candidates'
        // exact (float) scores decide the top k, so hits and their scores are the scan's.
        TopEvents candidates = new TopEvents(candidates(query.k()));
        int scored = 0;
        for (EpisodeNode node : descended) {
            int length = node.to - node.from;
            scratch = fit(scratch, length);
            node.history.approximateScores(qi, node.from, node.to, scratch);
            for (int o = 0; o < length; o++) {
                candidates.offer(scratch[o], node.history, node.from + o);
            }
            scored += length;
        }
        TopEvents top = new TopEvents(query.k());
        for (int c = 0; c < candidates.size(); c++) {
            RobotHistory history = candidates.history(c);
            int ordinal = candidates.ordinal(c);
            top.offer(history.dot(ordinal, q), history, ordinal);
        }
        return result(top, query, q, closedIds(bestSessions, sessionIds), descendedIds,
                sessionScores.length, keyTotal, e, scored, inMemory);
    }

    /** Scores session {@code i}'s keys into {@code keyScores} from {@code offset}; returns the next offset. */
    private static int scoreSession(SessionNode session, QuantizedVectors.Query qi, float[] storeScores,
                                    float[] seenScores, float[] labelScores, float[] keyScores, int offset, int i,
                                    int[] keyOffset, float[] sessionScores, long[] sessionIds) {
        keyOffset[i] = offset;
        session.scoreKeys(qi, storeScores, seenScores, labelScores, keyScores, offset);
        float best = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < session.keyCount(); k++) {
            best = Math.max(best, keyScores[offset + k]);
        }
        sessionScores[i] = best;
        sessionIds[i] = session.chunkId;
        return offset + session.keyCount();
    }

    /**
     * How many int8-ranked events get an exact score: enough that the int8 rounding (about 1% of a cosine) cannot
     * push one of the exact top k out, which would need it to fall behind this many others.
     */
    static int candidates(int k) {
        return Math.min(RecallQuery.MAX_K * 8, Math.max(64, 8 * k));
    }

    private static float[] fit(float[] buffer, int length) {
        return buffer.length >= length ? buffer : new float[Math.max(length, buffer.length * 2)];
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
