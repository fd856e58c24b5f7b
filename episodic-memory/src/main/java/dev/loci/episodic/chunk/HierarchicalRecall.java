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
    /** Episodes whose events are scored together (their cache misses overlap, see dotRuns). */
    private static final int RUNS = 8;
    private HierarchicalRecall() {
    }

    static RecallResult recall(Collection<RobotChunks> robots, ObjectLabels labels, RecallQuery query) {
        return recall(robots, labels, query, new RecallScratch());
    }

    /** As {@link #recall(Collection, ObjectLabels, RecallQuery)}, in the calling thread's working arrays. */
    static RecallResult recall(Collection<RobotChunks> robots, ObjectLabels labels, RecallQuery query,
                               RecallScratch b) {
        float[] q = query.vector().toArray();
        QuantizedVectors.Query qi = QuantizedVectors.query(q);
        // Level 0: every label of an object seen, once; objects-seen keys and episodes score as their best label.
        b.labelScores = RecallScratch.fit(b.labelScores, labels.size());
        b.nonZeroLabels = RecallScratch.fit(b.nonZeroLabels, labels.size());
        ObjectLabels.Scores labelsScored = labels.scores(qi, b.labelScores, b.nonZeroLabels);
        float[] labelScores = labelsScored.scores();
        long inMemory = 0;
        int closedCount = 0;
        for (RobotChunks robot : robots) {
            closedCount += robot.sessions.size();
        }
        List<SessionNode> sessions = new ArrayList<>(closedCount + robots.size());
        List<SessionNode> open = new ArrayList<>();
        List<EpisodeNode> tails = new ArrayList<>();
        List<RobotHistory> histories = new ArrayList<>();
        // Key sources: each robot's stores of its closed sessions' keys, then each open session's own stores.
        List<QuantizedVectors> taskStores = new ArrayList<>();
        List<SeenKeys> seenStores = new ArrayList<>();
        List<List<SessionNode>> sourceSessions = new ArrayList<>();
        for (RobotChunks robot : robots) {
            inMemory += robot.history.size() - robot.history.first();
            histories.add(robot.history);
            sessions.addAll(robot.sessions);
            taskStores.add(robot.sessionKeys);
            seenStores.add(robot.seenKeys);
            sourceSessions.add(robot.sessions);
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
        for (SessionNode session : open) {
            taskStores.add(session.keyStore());
            seenStores.add(session.seenKeyStore());
            sourceSessions.add(List.of(session));
        }
        // Level 1: every key of every session: the task keys of a source are one contiguous int8 run, the
        // objects-seen keys one pass over the labels that score; a session scores as its best key. A store holds
        // exactly its sessions' keys, so key k of session s is at taskAt[s] + k (task keys) or
        // seenAt[s] + k - taskKeys (objects-seen keys) of the scores.
        int taskTotal = 0;
        int seenTotal = 0;
        int seenMost = 0;
        for (int source = 0; source < taskStores.size(); source++) {
            taskTotal += taskStores.get(source).size();
            seenTotal += seenStores.get(source).size();
            seenMost = Math.max(seenMost, seenStores.get(source).size());
        }
        int keyTotal = taskTotal + seenTotal;
        float[] taskScores = b.taskScores = RecallScratch.fit(b.taskScores, taskTotal);
        float[] seenScores = b.seenScores = RecallScratch.fit(b.seenScores, seenTotal);
        b.seenHits = RecallScratch.fit(b.seenHits, seenMost);
        int sessionCount = sessions.size();
        float[] sessionScores = b.sessionScores = RecallScratch.fit(b.sessionScores, sessionCount);
        long[] sessionIds = b.sessionIds = RecallScratch.fit(b.sessionIds, sessionCount);
        int[] taskAt = b.taskAt = RecallScratch.fit(b.taskAt, sessionCount);
        int[] seenAt = b.seenAt = RecallScratch.fit(b.seenAt, sessionCount);
        int taskBase = 0;
        int seenBase = 0;
        int s = 0;
        for (int source = 0; source < taskStores.size(); source++) {
            QuantizedVectors taskStore = taskStores.get(source);
            SeenKeys seenStore = seenStores.get(source);
            taskStore.dotRange(qi, 0, taskStore.size(), taskScores, taskBase);
            seenStore.best(labelScores, labelsScored.nonZero(), labelsScored.nonZeroCount(), seenScores, seenBase,
                    b.seenHits);
            // Scores are never NaN nor -0.0 (an integer sum times positive scales), so a comparison is Math.max.
            List<SessionNode> ofSource = sourceSessions.get(source);
            for (int i = 0, count = ofSource.size(); i < count; i++) {
                SessionNode session = ofSource.get(i);
                int taskKeys = session.taskKeyCount();
                int task = taskAt[s] = taskBase + session.keyFrom();
                int seen = seenAt[s] = seenBase + session.seenFrom();
                float best = Float.NEGATIVE_INFINITY;
                for (int k = task, end = task + taskKeys; k < end; k++) {
                    float score = taskScores[k];
                    best = score > best ? score : best;
                }
                for (int k = seen, end = seen + session.keyCount() - taskKeys; k < end; k++) {
                    float score = seenScores[k];
                    best = score > best ? score : best;
                }
                sessionScores[s] = best;
                sessionIds[s] = session.chunkId;
                s++;
            }
            taskBase += taskStore.size();
            seenBase += seenStore.size();
        }
        // The best closed sessions, and every robot's open session: the newest episodes are not summarised by a
        // closed session yet, and there is at most one open session per robot. Chosen nodes are visited in
        // memory order (BestIndices returns index order), so their vectors are read front to back, which the
        // hardware prefetches (score order measured 2-3x slower per vector). The result does not depend on the
        // order: selection and top-k break ties by id.
        b.selection = RecallScratch.fit(b.selection, sessionCount);
        int[] bestClosed = BestIndices.of(sessionScores, sessionIds, closedSessions, query.sessionBeam(),
                b.selection);
        int[] bestSessions = Arrays.copyOf(bestClosed, bestClosed.length + open.size());
        for (int i = 0; i < open.size(); i++) {
            bestSessions[bestClosed.length + i] = closedSessions + i;
        }

        // Level 2: the keys (task groups) of the best sessions; keep the best groupBeam of them. A group's id
        // (session << 20 | key) is unique and stable for this query: ties go by position.
        int candidateKeys = 0;
        for (int best : bestSessions) {
            candidateKeys += sessions.get(best).keyCount();
        }
        float[] groupScores = b.groupScores = RecallScratch.fit(b.groupScores, candidateKeys);
        long[] groupIds = b.groupIds = RecallScratch.fit(b.groupIds, candidateKeys);
        int g = 0;
        for (int best : bestSessions) {
            SessionNode session = sessions.get(best);
            int taskKeys = session.taskKeyCount();
            int task = taskAt[best];
            for (int k = 0; k < taskKeys; k++) {
                groupScores[g] = taskScores[task + k];
                groupIds[g++] = (long) best << 20 | k;
            }
            int seen = seenAt[best] - taskKeys;
            for (int k = taskKeys; k < session.keyCount(); k++) {
                groupScores[g] = seenScores[seen + k];
                groupIds[g++] = (long) best << 20 | k;
            }
        }
        b.selection = RecallScratch.fit(b.selection, candidateKeys);
        int[] bestGroups = BestIndices.of(groupScores, groupIds, candidateKeys, query.groupBeam(), b.selection);

        // Level 3: the episodes of those groups, each group one contiguous int8 run or a run of label lists, read
        // from its session's record (GroupRecords); keep the best episodeBeam. A scored episode is
        // (session, position) until chosen: resolving the node of every candidate episode cost a few dependent
        // cache misses each. An episode can be under a task key and an objects-seen key of its session: it counts
        // once, with its better score. Chosen groups come in index order, so a session's groups are consecutive,
        // and the episode's position in its session finds its slot (slotOf: position -> slot, -1 for none yet).
        // The candidate arrays grow a session at a time (a session's keys hold each of its episodes at most twice,
        // counted once).
        long[] episodeAt = b.episodeAt;
        float[] episodeScores = b.episodeScores;
        long[] episodeIds = b.episodeIds;
        int[] slotOf = b.slotOf;
        float[] groupScratch = b.scores;
        int[] positions = b.positions;
        long[] ids = b.ids;
        int currentSession = -1;
        int e = 0;
        SessionNode session = null;
        for (int best : bestGroups) {
            int sessionIndex = sessionOf(groupIds[best]);
            int key = keyOf(groupIds[best]);
            if (sessionIndex != currentSession) {
                currentSession = sessionIndex;
                session = sessions.get(sessionIndex);
                int size = session.episodes.size();
                slotOf = b.slotOf = RecallScratch.fit(slotOf, size);
                Arrays.fill(slotOf, 0, size, -1);
                groupScratch = b.scores = RecallScratch.fit(groupScratch, size);
                positions = b.positions = RecallScratch.fit(positions, size);
                ids = b.ids = RecallScratch.fit(ids, size);
                episodeAt = b.episodeAt = RecallScratch.kept(episodeAt, e + size);
                episodeScores = b.episodeScores = RecallScratch.kept(episodeScores, e + size);
                episodeIds = b.episodeIds = RecallScratch.kept(episodeIds, e + size);
            }
            int n = session.scoreGroup(key, qi, labelScores, groupScratch, positions, ids);
            for (int m = 0; m < n; m++) {
                int position = positions[m];
                int seen = slotOf[position];
                if (seen >= 0) {
                    episodeScores[seen] = Math.max(episodeScores[seen], groupScratch[m]);
                    continue;
                }
                slotOf[position] = e;
                episodeAt[e] = (long) sessionIndex << 32 | position;
                episodeScores[e] = groupScratch[m];
                episodeIds[e] = ids[m];
                e++;
            }
        }
        b.selection = RecallScratch.fit(b.selection, e);
        int[] bestEpisodes = BestIndices.of(episodeScores, episodeIds, e, query.episodeBeam(), b.selection);
        List<Long> descendedIds = new ArrayList<>(bestEpisodes.length);
        for (int i : bestEpisodes) {
            if (episodeIds[i] != EpisodeNode.OPEN) {
                descendedIds.add(episodeIds[i]);
            }
        }
        EpisodeNode[] chosen = new EpisodeNode[bestEpisodes.length];
        for (int i = 0; i < chosen.length; i++) {
            long at = episodeAt[bestEpisodes[i]];
            chosen[i] = sessions.get((int) (at >>> 32)).episodes.get((int) at);
        }
        EpisodeNode[] descended = inLogOrder(chosen, histories, b);

        // Level 4: the chosen episodes' events, int8 in runs, keep the best candidates; then the candidates'
        // exact (float) scores decide the top k, so hits and their scores are the scan's. The open tails (events
        // not in any episode yet, at most a segment or two per robot) are scored directly.
        TopEvents candidates = new TopEvents(candidates(query.k()));
        int scored = 0;
        for (int i = 0; i < descended.length; ) { // a few episodes of one robot at a time, see dotRuns
            RobotHistory history = descended[i].history;
            int runs = 0;
            int length = 0;
            while (i + runs < descended.length && runs < RUNS && descended[i + runs].history == history) {
                b.runFrom[runs] = descended[i + runs].from;
                b.runTo[runs] = descended[i + runs].to;
                length += b.runTo[runs] - b.runFrom[runs];
                runs++;
            }
            float[] scores = b.scores = RecallScratch.fit(b.scores, length);
            b.touched += history.approximateScores(qi, b.runFrom, b.runTo, runs, scores);
            int o = 0;
            for (int r = 0; r < runs; r++) {
                for (int ordinal = b.runFrom[r]; ordinal < b.runTo[r]; ordinal++) {
                    candidates.offer(scores[o++], history, ordinal);
                }
            }
            scored += length;
            i += runs;
        }
        for (EpisodeNode node : tails) {
            scored += scoreEvents(node, qi, candidates, b);
        }
        TopEvents top = new TopEvents(query.k());
        for (int c = 0; c < candidates.size(); c++) {
            RobotHistory history = candidates.history(c);
            int ordinal = candidates.ordinal(c);
            top.offer(history.dot(ordinal, q), history, ordinal);
        }
        return result(top, query, q, closedIds(bestSessions, sessionIds), descendedIds,
                sessionCount, keyTotal, e, scored, inMemory);
    }

    private static int sessionOf(long groupId) {
        return (int) (groupId >>> 20);
    }

    private static int keyOf(long groupId) {
        return (int) (groupId & 0xFFFFF);
    }

    /**
     * The chosen episodes in log order (robot by robot, each robot's by first event), so their events are read
     * front to back. The order changes no result (top-k breaks ties by id), only how fast memory is read.
     */
    private static EpisodeNode[] inLogOrder(EpisodeNode[] chosen, List<RobotHistory> histories, RecallScratch b) {
        if (chosen.length >= 1 << 24) { // too many to pack (first event, index) in a long: sort by comparison
            EpisodeNode[] ordered = chosen.clone();
            Arrays.sort(ordered, Comparator.comparing((EpisodeNode n) -> n.history.robot())
                    .thenComparingInt(n -> n.from));
            return ordered;
        }
        long[] order = b.order = RecallScratch.fit(b.order, chosen.length);
        int filled = 0;
        for (RobotHistory history : histories) {
            int from = filled;
            for (int i = 0; i < chosen.length; i++) {
                if (chosen[i].history == history) {
                    order[filled++] = (long) chosen[i].from << 24 | i;
                }
            }
            Arrays.sort(order, from, filled);
        }
        EpisodeNode[] ordered = new EpisodeNode[filled];
        for (int i = 0; i < filled; i++) {
            ordered[i] = chosen[(int) (order[i] & 0xFFFFFF)];
        }
        return ordered;
    }

    /** Offers the int8 scores of the node's events to {@code candidates}; returns how many were scored. */
    private static int scoreEvents(EpisodeNode node, QuantizedVectors.Query qi, TopEvents candidates,
                                   RecallScratch b) {
        int length = node.to - node.from;
        float[] scores = b.scores = RecallScratch.fit(b.scores, length);
        node.history.approximateScores(qi, node.from, node.to, scores);
        for (int o = 0; o < length; o++) {
            candidates.offer(scores[o], node.history, node.from + o);
        }
        return length;
    }

    /**
     * How many int8-ranked events get an exact score: enough that the int8 rounding (about 1% of a cosine) cannot
     * push one of the exact top k out, which would need it to fall behind this many others.
     */
    static int candidates(int k) {
        return Math.min(RecallQuery.MAX_K * 8, Math.max(64, 8 * k));
    }

    static RecallResult scan(Collection<RobotChunks> robots, RecallQuery query) {
        float[] q = query.vector().toArray();
        TopEvents top = new TopEvents(query.k());
        long inMemory = 0;
        for (RobotChunks robot : robots) {
            RobotHistory history = robot.history;
            inMemory += history.size() - history.first();
            for (int o = history.first(); o < history.size(); o++) {
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
            int from = Math.max(history.first(), ordinal - query.neighbours());
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
