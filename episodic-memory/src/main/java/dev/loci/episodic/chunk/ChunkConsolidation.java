package dev.loci.episodic.chunk;

import dev.loci.episodic.segment.AttributeKeys;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;

/**
 * Merges runs of redundant consecutive episodes of closed sessions into one episode each, keeping provenance:
 * the merged episode keeps the first one's id (so episodes stay in id order), covers the run's events, lists the
 * merged ids in {@code derivedFrom} and is the next version; the others leave the chunk map; the session is
 * rewritten with its new members as its next version. Open sessions are left alone (their episodes may still
 * grow a session key). The caller rebuilds the retrieval index afterwards.
 */
final class ChunkConsolidation {
    private final NavigableMap<Long, Chunk> chunks;
    private final SummaryWriter writer;
    private final AttributeKeys keys;
    /** The summary vector of a merged episode: from its events' vectors (or the summary's embedding). */
    private final Function<MergedEpisode, Embedding> vectors;

    /** A run about to be merged: its chunks and their joint digest and summary. */
    record MergedEpisode(List<Chunk> run, String summary) {
    }

    ChunkConsolidation(NavigableMap<Long, Chunk> chunks, SummaryWriter writer, AttributeKeys keys,
                       Function<MergedEpisode, Embedding> vectors) {
        this.chunks = chunks;
        this.writer = writer;
        this.keys = keys;
        this.vectors = vectors;
    }

    ChunkConsolidationReport consolidate(List<Chunk> sessions, Timestamp from, Timestamp to,
                                         ChunkConsolidationPolicy policy) {
        long sessionsExamined = 0;
        long episodesExamined = 0;
        long runs = 0;
        long merged = 0;
        for (Chunk session : sessions) {
            if (session.end().isBefore(from) || to.isBefore(session.start())) {
                continue;
            }
            sessionsExamined++;
            List<Chunk> episodes = session.members().stream().map(chunks::get).toList();
            episodesExamined += episodes.size();
            List<Long> members = new ArrayList<>(episodes.size());
            int start = 0;
            while (start < episodes.size()) {
                int end = start + 1;
                while (end < episodes.size() && inWindow(episodes.get(end), from, to)
                        && inWindow(episodes.get(start), from, to)
                        && policy.redundant(episodes.get(end - 1), episodes.get(end))) {
                    end++;
                }
                if (end - start > 1) {
                    members.add(merge(episodes.subList(start, end)).id());
                    runs++;
                    merged += end - start - 1;
                } else {
                    members.add(episodes.get(start).id());
                }
                start = end;
            }
            if (members.size() < episodes.size()) {
                chunks.put(session.id(), session.withMembers(members));
            }
        }
        return new ChunkConsolidationReport(sessionsExamined, episodesExamined, runs, merged);
    }

    private static boolean inWindow(Chunk chunk, Timestamp from, Timestamp to) {
        return !chunk.start().isBefore(from) && !to.isBefore(chunk.end());
    }

    private Chunk merge(List<Chunk> run) {
        Digest digest = new Digest(keys);
        List<Long> events = new ArrayList<>();
        List<Long> derivedFrom = new ArrayList<>();
        int version = 0;
        for (Chunk episode : run) {
            digest.add(episode);
            events.addAll(episode.members());
            derivedFrom.addAll(episode.derivedFrom());
            derivedFrom.add(episode.id());
            version = Math.max(version, episode.version());
        }
        Chunk first = run.get(0);
        String summary = writer.episode(digest) + " Consolidated from " + run.size() + " episodes.";
        Embedding vector = vectors.apply(new MergedEpisode(run, summary));
        Chunk kept = new Chunk(first.id(), ChunkLevel.EPISODE, digest.robot(), digest.start(), digest.end(), events,
                digest.events(), digest.firstEventId(), digest.lastEventId(), digest.placedEvents(),
                digest.centroid(), digest.bounds(), digest.places(Chunk.MAX_NAMES), digest.objects(Chunk.MAX_OBJECTS),
                digest.tasks(Chunk.MAX_NAMES), digest.outcomes(), summary, vector,
                derivedFrom.stream().distinct().sorted().toList(), version + 1);
        for (Chunk gone : run.subList(1, run.size())) {
            chunks.remove(gone.id());
        }
        chunks.put(kept.id(), kept);
        return kept;
    }
}
