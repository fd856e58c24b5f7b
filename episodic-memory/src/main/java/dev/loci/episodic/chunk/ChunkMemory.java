package dev.loci.episodic.chunk;

import dev.loci.episodic.event.StoredEvent;
import dev.loci.episodic.segment.EventSegmenter;
import dev.loci.episodic.segment.EventText;
import dev.loci.episodic.segment.Segment;
import dev.loci.spatial.embedding.TextEmbedder;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Hierarchical chunk memory: events -> episodes (closed by the {@link EventSegmenter}) -> sessions (closed by a
 * long gap, a session attribute change or a size cap), each chunk with a deterministic summary and a summary
 * vector, and coarse-to-fine recall over them.
 *
 * <p>Durable state lives in two maps the store hands in:
 * <ul>
 *   <li>{@code traces}: event id -> {@link EventTrace} (robot, time, text vector), one per observed event;</li>
 *   <li>{@code chunks}: chunk id -> {@link Chunk}, episodes and sessions, ids increasing in creation order.</li>
 * </ul>
 * The in-memory index (packed vectors per robot, episode and session nodes) is rebuilt from them on
 * construction. What is not durable is the segmenter's state: after reopening, feed each robot's events from
 * {@link #replayFrom(RobotId)} on to {@link #observe(StoredEvent)} again, in log order; events whose trace is
 * already stored are not embedded or stored twice, and those already in closed episodes only warm the segmenter
 * up.
 *
 * <p>Forgetting ({@link #releaseDetail}) takes episodes out of the in-memory index: their events' vectors, then
 * their ids and times a page at a time, and their nodes and summary vectors; their chunks (summaries and
 * summary vectors) stay in the durable chunk map, listed by {@link #sessions} and {@link #members}. What the index
 * holds is accounted in {@link ChunkStats#indexBytes()}.
 *
 * <p>Not thread-safe: the owner (the store's single writer) serialises observe, flush and recall.
 */
public final class ChunkMemory {
    private final NavigableMap<Long, EventTrace> traces;
    private final NavigableMap<Long, Chunk> chunks;
    private final TextEmbedder embedder;
    private final ChunkSettings settings;
    private final SummaryWriter writer;
    private final EventText eventText;
    private final EventSegmenter segmenter;
    private final ObjectLabels labels;
    private final Map<RobotId, RobotChunks> robots = new TreeMap<>();
    /** Robots with episodes released since their index was last compacted (see {@link #settle()}). */
    private final Set<RobotId> released = new HashSet<>();
    /** Each recalling thread's working arrays, kept between its questions (see {@link RecallScratch}). */
    private final ThreadLocal<RecallScratch> recallScratch = ThreadLocal.withInitial(RecallScratch::new);
    private long nextChunkId;

    public ChunkMemory(NavigableMap<Long, EventTrace> traces, NavigableMap<Long, Chunk> chunks,
                       TextEmbedder embedder, ChunkSettings settings, LongFunction<String> objectLabels) {
        this.traces = Require.present("traces", traces);
        this.chunks = Require.present("chunks", chunks);
        this.embedder = Require.present("embedder", embedder);
        this.settings = Require.present("settings", settings);
        this.writer = new SummaryWriter(objectLabels);
        this.eventText = new EventText(settings.segmentation().keys());
        this.segmenter = new EventSegmenter(settings.segmentation());
        this.labels = new ObjectLabels(embedder, writer);
        rebuild();
    }

    public ChunkSettings settings() {
        return settings;
    }

    public SummaryWriter summaries() {
        return writer;
    }

    /**
     * Takes the next event of its robot (in log order): stores its trace and vector, segments it, and returns
     * the chunks this closes (episodes, and a session when an episode ends one), in creation order.
     */
    public List<Chunk> observe(StoredEvent stored) {
        Require.present("event", stored);
        settle();
        RobotId robot = stored.event().robot();
        RobotChunks mine = robots.get(robot);
        Embedding vector;
        if (mine != null && stored.id() <= mine.history.lastId()) {
            int ordinal = mine.history.ordinalOf(stored.id());
            if (ordinal < 0) {
                throw new InvalidValueException("event id", stored.id(), "is older than robot " + robot
                        + "'s last event " + mine.history.lastId() + " but was never observed");
            }
            vector = new Embedding(mine.history.vector(ordinal)); // replay after reopen: no second embedding
            if (ordinal < mine.history.chunkedUpTo()) {
                segmenter.warmUp(stored, vector, mine.history.startsEpisode(ordinal));
                return List.of();
            }
        } else {
            vector = embedder.embed(eventText.of(stored.event()));
            if (mine == null) {
                mine = new RobotChunks(new RobotHistory(robot, vector.dimensions()));
                robots.put(robot, mine);
            }
            traces.put(stored.id(), new EventTrace(robot, stored.event().time(), vector));
            mine.history.append(stored.id(), stored.event().time().nanos(), vector.toArray());
        }
        List<Chunk> created = new ArrayList<>();
        for (Segment segment : segmenter.observe(stored, vector)) {
            created.addAll(closeEpisode(mine, segment));
        }
        return created;
    }

    /** Closes the robot's open segment and open session now (shutdown, end of a mission). */
    public List<Chunk> flush(RobotId robot) {
        Require.present("robot", robot);
        RobotChunks mine = robots.get(robot);
        if (mine == null) {
            return List.of();
        }
        List<Chunk> created = new ArrayList<>();
        for (Segment segment : segmenter.flush(robot)) {
            created.addAll(closeEpisode(mine, segment));
        }
        if (!mine.openEpisodes.isEmpty()) {
            created.add(closeSession(mine));
        }
        return created;
    }

    public List<Chunk> flushAll() {
        List<Chunk> created = new ArrayList<>();
        for (RobotId robot : List.copyOf(robots.keySet())) {
            created.addAll(flush(robot));
        }
        return created;
    }

    /**
     * Where to replay the robot's events from after reopening (0: from its first): the first event of the
     * closed episodes that hold its last {@code window} chunked events. Events up to the last closed episode only
     * warm the segmenter up (its surprise window and running model); later ones are segmented as new.
     */
    public long replayFrom(RobotId robot) {
        RobotChunks mine = robots.get(Require.present("robot", robot));
        if (mine == null || mine.history.size() == 0) {
            return 0;
        }
        int chunked = mine.history.chunkedUpTo();
        int first = mine.history.first();
        int from = chunked == 0 ? 0
                : mine.history.episodeStartOf(Math.max(first, chunked - settings.segmentation().window()));
        return mine.history.id(Math.max(first, from));
    }

    /** The last event id of the robot's last closed episode (0 if none). */
    public long lastChunkedEventId(RobotId robot) {
        RobotChunks mine = robots.get(Require.present("robot", robot));
        if (mine == null || mine.history.chunkedUpTo() == 0) {
            return 0;
        }
        return mine.history.id(mine.history.chunkedUpTo() - 1);
    }

    public Set<RobotId> robots() {
        return Set.copyOf(robots.keySet());
    }

    /** Hierarchical recall of events similar to a text: the query is embedded with this memory's embedder. */
    public RecallResult recall(String question, int k) {
        Require.text("question", question, Require.MAX_TEXT_CHARS);
        return recall(query(embedder.embed(question), k));
    }

    /**
     * A query with beams sized to this memory: half of the sessions, a tenth of their keys (at least 400) and a
     * 28th of the episodes (at least 448). Measured on the synthetic building (README-segmentation.md) to agree
     * with the exhaustive top 10 on 95-96% of task questions at 50k and at 1M events, scoring under 10% of
     * the events.
     */
    public RecallQuery query(Embedding vector, int k) {
        settle();
        long sessions = 0;
        long keys = 0;
        long episodes = 0;
        for (RobotChunks mine : robots.values()) {
            sessions += mine.sessions.size() + 1;
            for (SessionNode session : mine.sessions) {
                keys += session.keyCount();
            }
            episodes += mine.episodeVectors.size();
        }
        int sessionBeam = (int) Math.max(1, Math.min(1_000_000, sessions / 2));
        int groupBeam = (int) Math.max(400, Math.min(10_000_000, keys / 10));
        int episodeBeam = (int) Math.max(448, Math.min(10_000_000, episodes / 28));
        return RecallQuery.of(vector, k).beams(sessionBeam, groupBeam, episodeBeam);
    }

    public RecallResult recall(RecallQuery query) {
        Require.present("query", query);
        settle();
        return HierarchicalRecall.recall(covered(query), labels, query, recallScratch.get());
    }

    /** The same query answered by scoring every event (the beams are ignored): the exact reference. */
    public RecallResult scan(RecallQuery query) {
        Require.present("query", query);
        settle();
        return HierarchicalRecall.scan(covered(query), query);
    }

    /**
     * Consolidation of chunks: merges runs of redundant consecutive episodes (same task, place and objects,
     * adjacent in time, see {@link ChunkConsolidationPolicy}) of the closed sessions that lie in
     * {@code [from, to]}, keeping provenance (the merged episode keeps the first id, lists the merged ids in
     * {@code derivedFrom}, and is the next version; its session is rewritten as its next version). The
     * retrieval index is rebuilt from the chunk map afterwards. Explicit: nothing is merged unless asked.
     */
    public ChunkConsolidationReport consolidate(Timestamp from, Timestamp to, ChunkConsolidationPolicy policy) {
        Require.present("from", from);
        Require.present("to", to);
        Require.present("policy", policy);
        settle();
        List<Chunk> sessions = new ArrayList<>();
        for (RobotChunks mine : robots.values()) {
            for (SessionNode node : mine.sessions) {
                sessions.add(chunks.get(node.chunkId));
            }
        }
        ChunkConsolidation consolidation = new ChunkConsolidation(chunks, writer, settings.segmentation().keys(),
                merged -> settings.summaryVector() == SummaryVector.MEAN_OF_MEMBERS ? meanOfEvents(merged.run())
                        : embedder.embed(merged.summary()));
        ChunkConsolidationReport report = consolidation.consolidate(sessions, from, to, policy);
        if (report.runsMerged() > 0) {
            for (Map.Entry<RobotId, RobotChunks> entry : List.copyOf(robots.entrySet())) {
                RobotHistory history = entry.getValue().history;
                history.forgetEpisodes();
                RobotChunks fresh = new RobotChunks(history);
                fresh.openSessionName = entry.getValue().openSessionName;
                robots.put(entry.getKey(), fresh);
            }
            rebuildNodes();
            released.addAll(robots.keySet()); // the rebuild put episodes released but not yet dropped back
            settle();
        }
        return report;
    }

    private Embedding meanOfEvents(List<Chunk> run) {
        RobotHistory history = robots.get(run.get(0).robot()).history;
        float[] sum = new float[history.dimensions()];
        for (Chunk episode : run) {
            for (long id : episode.members()) {
                int ordinal = history.ordinalOf(id);
                if (ordinal >= 0) { // an event forgotten and dropped adds nothing, as a released one
                    history.addTo(sum, ordinal);
                }
            }
        }
        return new Embedding(Vectors.normalised(sum));
    }

    /**
     * The detail of {@code episode} was forgotten (its events left the log; its summary stays): its events'
     * float vectors may leave memory, a page of consecutive forgotten events at a time, and then score 0; the
     * episode leaves the retrieval index (with its session if that has no episode with detail left) at the next
     * read of the index, and a prefix of wholly forgotten pages drops its events' ids and times too. Its chunk
     * stays. Returns the vectors freed. Call again for every forgotten episode after a reopen: the rebuild reads
     * them back from the traces.
     */
    public int releaseDetail(Chunk episode) {
        Require.present("episode", episode);
        RobotChunks mine = robots.get(episode.robot());
        if (mine == null || episode.level() != ChunkLevel.EPISODE) {
            return 0;
        }
        int from = mine.history.ordinalOf(episode.firstEventId());
        int last = mine.history.ordinalOf(episode.lastEventId());
        if (from < 0 || last < from) {
            return 0;
        }
        released.add(episode.robot());
        return mine.history.release(from, last + 1);
    }

    /**
     * Compacts the index of robots with released episodes (see {@link RobotChunks#withoutReleased()}): once per
     * forgetting pass in practice, before the index is next read or written.
     */
    private void settle() {
        if (released.isEmpty()) {
            return;
        }
        for (RobotId robot : released) {
            RobotChunks mine = robots.get(robot);
            if (mine != null) {
                robots.put(robot, mine.withoutReleased());
            }
        }
        released.clear();
    }

    public Optional<Chunk> chunk(long id) {
        return Optional.ofNullable(chunks.get(id));
    }

    /** The robot's closed sessions, oldest first, including those whose episodes all lost their detail. */
    public List<Chunk> sessions(RobotId robot) {
        Require.present("robot", robot);
        settle(); // before looking the robot up: settling replaces its part of the index
        RobotChunks mine = robots.get(robot);
        if (mine == null) {
            return new ArrayList<>();
        }
        long[] summaryOnly = mine.summaryOnlySessions();
        long[] ids = Arrays.copyOf(summaryOnly, summaryOnly.length + mine.sessions.size());
        int n = summaryOnly.length;
        for (SessionNode node : mine.sessions) {
            ids[n++] = node.chunkId;
        }
        Arrays.sort(ids);
        List<Chunk> sessions = new ArrayList<>(ids.length);
        for (long id : ids) {
            sessions.add(chunks.get(id));
        }
        return sessions;
    }

    /**
     * The robot's closed sessions that still have an episode with detail (in the retrieval index), oldest first:
     * what a forgetting pass needs to look at.
     */
    public List<Chunk> sessionsWithDetail(RobotId robot) {
        Require.present("robot", robot);
        settle();
        RobotChunks mine = robots.get(robot);
        List<Chunk> sessions = new ArrayList<>();
        if (mine != null) {
            for (SessionNode node : mine.sessions) {
                sessions.add(chunks.get(node.chunkId));
            }
        }
        return sessions;
    }

    /** The robot's closed episodes that no session holds yet, oldest first. */
    public List<Chunk> openEpisodes(RobotId robot) {
        RobotChunks mine = robots.get(Require.present("robot", robot));
        return mine == null ? List.of() : List.copyOf(mine.openEpisodes);
    }

    /** The member chunks of a session (its episodes), oldest first. */
    public List<Chunk> members(Chunk session) {
        Require.present("session", session);
        if (session.level() != ChunkLevel.SESSION) {
            throw new InvalidValueException("session", session.id(), "is an " + session.level() + ", not a session");
        }
        return session.members().stream().map(chunks::get).toList();
    }

    public ChunkStats stats() {
        settle();
        long events = 0;
        long held = 0;
        long open = 0;
        int sessions = 0;
        long indexedEpisodes = 0;
        long bytes = labels.retainedBytes();
        for (RobotChunks mine : robots.values()) {
            events += mine.history.size();
            held += mine.history.size() - mine.history.first();
            open += mine.history.size() - mine.history.chunkedUpTo();
            sessions += mine.sessions.size() + mine.summaryOnlySessions().length;
            indexedEpisodes += mine.episodeVectors.size();
            bytes += mine.retainedBytes();
        }
        return new ChunkStats(events, open, chunks.size() - sessions, sessions, held, indexedEpisodes, bytes);
    }

    /** The retrieval index's robots and the object labels, settled (for tests of the index's layout). */
    Collection<RobotChunks> indexedRobots() {
        settle();
        return robots.values();
    }

    ObjectLabels objectLabels() {
        return labels;
    }

    private Collection<RobotChunks> covered(RecallQuery query) {
        if (query.robot().isEmpty()) {
            return robots.values();
        }
        RobotChunks mine = robots.get(query.robot().get());
        return mine == null ? List.of() : List.of(mine);
    }

    private List<Chunk> closeEpisode(RobotChunks mine, Segment segment) {
        RobotHistory history = mine.history;
        int first = history.ordinalOf(segment.firstEventId());
        int from = history.chunkedUpTo();
        if (first < from) {
            throw new IllegalStateException("segment starting at event " + segment.firstEventId() + " of robot "
                    + segment.robot() + " overlaps its closed episodes (they end before ordinal " + from
                    + ", the segment starts at " + first + ")");
        }
        // Ordinals, not the segment's size: after a reopen the replay no longer sees events that consolidation
        // merged away, but they keep their ordinals, and the episode spans them as it did before the reopen.
        int to = history.ordinalOf(segment.lastEventId()) + 1;
        Digest digest = new Digest(settings.segmentation().keys());
        segment.events().forEach(digest::add);
        List<Chunk> created = new ArrayList<>(2);
        if (!mine.openEpisodes.isEmpty() && startsNewSession(mine, digest)) {
            created.add(closeSession(mine));
        }
        float[] sum = new float[history.dimensions()];
        for (int o = from; o < to; o++) {
            history.addTo(sum, o);
        }
        List<Long> members = segment.events().stream().map(StoredEvent::id).toList();
        String summary = writer.episode(digest);
        Embedding vector = settings.summaryVector() == SummaryVector.MEAN_OF_MEMBERS
                ? new Embedding(Vectors.normalised(sum)) : embedder.embed(summary);
        Chunk episode = chunk(ChunkLevel.EPISODE, digest, members, summary, vector);
        chunks.put(episode.id(), episode);
        history.episodeStartsAt(from);
        history.chunkedUpTo(to);
        float[] unit = vector.toArray();
        mine.openEpisodes.add(episode);
        mine.openNodes.add(new EpisodeNode(episode.id(), history, from, to, mine.episodeVectors,
                mine.episodeVectors.add(unit), SessionKeys.group(episode), labels.of(episode),
                SessionKeys.place(episode)));
        Vectors.add(mine.openSum, unit);
        if (digest.session().isPresent()) {
            mine.openSessionName = digest.session().get();
        }
        created.add(episode);
        if (mine.openEpisodes.size() >= settings.maxEpisodesPerSession()) {
            created.add(closeSession(mine));
        }
        return created;
    }

    private boolean startsNewSession(RobotChunks mine, Digest next) {
        Chunk last = mine.openEpisodes.get(mine.openEpisodes.size() - 1);
        double gapSeconds = (next.start().nanos() - last.end().nanos()) / 1e9;
        if (gapSeconds >= settings.sessionGapSeconds()) {
            return true;
        }
        return next.session().isPresent() && mine.openSessionName != null
                && !next.session().get().equals(mine.openSessionName);
    }

    private Chunk closeSession(RobotChunks mine) {
        Digest digest = new Digest(settings.segmentation().keys());
        List<Long> members = new ArrayList<>(mine.openEpisodes.size());
        for (Chunk episode : mine.openEpisodes) {
            digest.add(episode);
            members.add(episode.id());
        }
        String summary = writer.session(digest);
        Embedding vector = settings.summaryVector() == SummaryVector.MEAN_OF_MEMBERS
                ? new Embedding(Vectors.normalised(mine.openSum)) : embedder.embed(summary);
        Chunk session = chunk(ChunkLevel.SESSION, digest, members, summary, vector);
        chunks.put(session.id(), session);
        mine.sessions.add(new SessionNode(session.id(), List.copyOf(mine.openNodes), mine.sessionKeys,
                mine.seenKeys, mine.groupedEpisodes, mine.groupRecords));
        mine.openEpisodes.clear();
        mine.openNodes.clear();
        Arrays.fill(mine.openSum, 0);
        mine.openSessionName = null;
        return session;
    }

    private Chunk chunk(ChunkLevel level, Digest digest, List<Long> members, String summary, Embedding vector) {
        return new Chunk(nextChunkId++, level, digest.robot(), digest.start(), digest.end(), members,
                digest.events(), digest.firstEventId(), digest.lastEventId(), digest.placedEvents(),
                digest.centroid(), digest.bounds(), digest.places(Chunk.MAX_NAMES), digest.objects(Chunk.MAX_OBJECTS),
                digest.tasks(Chunk.MAX_NAMES), digest.outcomes(), summary, vector);
    }

    /** Rebuilds the index from the durable maps: histories from traces, nodes from chunks. */
    private void rebuild() {
        rebuildHistories();
        rebuildNodes();
    }

    private void rebuildHistories() {
        int dimensions = -1;
        // One array the vectors pass through (the history copies what it keeps), not a copy per event: reopening
        // reads every event's trace, and those copies were a fifth of the reopen's garbage.
        float[] vector = null;
        for (Map.Entry<Long, EventTrace> entry : traces.entrySet()) {
            EventTrace trace = entry.getValue();
            Embedding stored = trace.vector();
            if (dimensions < 0) {
                dimensions = stored.dimensions();
                if (dimensions != embedder.dimensions()) {
                    throw new InvalidValueException("embedder", embedder.dimensions() + " dimensions",
                            "must match the " + dimensions + " dimensions of the stored event vectors");
                }
                vector = new float[dimensions];
            }
            if (stored.dimensions() != dimensions) {
                throw new InvalidValueException("event trace " + entry.getKey(), stored.dimensions() + " dimensions",
                        "must match the " + dimensions + " dimensions of the other stored event vectors");
            }
            for (int i = 0; i < dimensions; i++) {
                vector[i] = stored.get(i);
            }
            RobotChunks mine = robots.get(trace.robot());
            if (mine == null) {
                mine = new RobotChunks(new RobotHistory(trace.robot(), dimensions));
                robots.put(trace.robot(), mine);
            }
            mine.history.append(entry.getKey(), trace.time().nanos(), vector);
        }
    }

    /** Episode and session nodes from the chunk map, over histories that hold no episodes yet. */
    private void rebuildNodes() {
        Map<Long, EpisodeNode> episodes = new HashMap<>();
        Map<RobotId, List<Chunk>> episodesByRobot = new TreeMap<>();
        Map<Long, Integer> labelOfObject = new HashMap<>(); // object labels do not change while memory opens
        List<Chunk> sessions = new ArrayList<>();
        for (Chunk chunk : chunks.values()) {
            if (chunk.level() == ChunkLevel.SESSION) {
                sessions.add(chunk);
                continue;
            }
            RobotChunks mine = robots.get(chunk.robot());
            if (mine != null && mine.history.dropped(chunk.firstEventId())) {
                continue; // forgotten, and its events' page left memory: a summary only
            }
            int from = mine == null ? -1 : mine.history.ordinalOf(chunk.firstEventId());
            if (from < 0) {
                throw new IllegalStateException("episode " + chunk.id() + " starts at event " + chunk.firstEventId()
                        + " which has no trace");
            }
            episodes.put(chunk.id(), new EpisodeNode(chunk.id(), mine.history, from, from + chunk.eventCount(),
                    mine.episodeVectors, mine.episodeVectors.add(chunk.vector().toArray()), SessionKeys.group(chunk),
                    labels.of(chunk, labelOfObject), SessionKeys.place(chunk)));
            episodesByRobot.computeIfAbsent(chunk.robot(), r -> new ArrayList<>()).add(chunk);
        }
        Set<Long> inSessions = new HashSet<>();
        for (Chunk session : sessions) {
            List<EpisodeNode> members = new ArrayList<>(session.members().size());
            for (Long member : session.members()) {
                EpisodeNode node = episodes.get(member);
                if (node != null) {
                    members.add(node);
                }
                inSessions.add(member);
            }
            RobotChunks mine = robots.get(session.robot());
            if (members.isEmpty()) {
                mine.addSummaryOnly(session.id());
            } else {
                mine.sessions.add(new SessionNode(session.id(), List.copyOf(members), mine.sessionKeys,
                        mine.seenKeys, mine.groupedEpisodes, mine.groupRecords));
            }
        }
        for (Map.Entry<RobotId, RobotChunks> entry : robots.entrySet()) {
            RobotChunks mine = entry.getValue();
            // Dropped events were all in closed episodes: the chunked part reaches at least past them.
            int chunkedUpTo = mine.history.first();
            for (Chunk episode : episodesByRobot.getOrDefault(entry.getKey(), List.of())) {
                EpisodeNode node = episodes.get(episode.id());
                mine.history.episodeStartsAt(node.from);
                chunkedUpTo = Math.max(chunkedUpTo, node.to);
                if (!inSessions.contains(episode.id())) {
                    mine.openEpisodes.add(episode);
                    mine.openNodes.add(node);
                    node.store.addTo(mine.openSum, node.index);
                }
            }
            mine.history.chunkedUpTo(chunkedUpTo);
        }
        nextChunkId = chunks.isEmpty() ? 1 : chunks.lastKey() + 1;
    }
}
