package dev.loci.runtime.lifecycle;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.chunk.ChunkMemory;
import dev.loci.episodic.chunk.EventTrace;
import dev.loci.episodic.chunk.RecallResult;
import dev.loci.episodic.chunk.RecalledEvent;
import dev.loci.episodic.event.EventLog;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Strength and rehearsal of episodes, and the explicit forgetting pass. Rehearsal lives in a store map
 * {episode id -> [recalls, last recall ns, detail forgotten 0/1]}. Runs on the store's writer thread.
 */
public final class Forgetting {
    private final NavigableMap<Long, long[]> rehearsal;
    private final ChunkMemory chunks;
    private final EventLog events;
    private final Map<Long, EventTrace> traces;

    public Forgetting(NavigableMap<Long, long[]> rehearsal, ChunkMemory chunks, EventLog events,
                      Map<Long, EventTrace> traces) {
        this.rehearsal = Require.present("rehearsal", rehearsal);
        this.chunks = Require.present("chunks", chunks);
        this.events = Require.present("events", events);
        this.traces = Require.present("traces", traces);
    }

    /** A recall used these episodes: each one that held a hit is rehearsed (MemoryBank: recalled memories last). */
    public void reinforce(RecallResult result, Timestamp now) {
        for (RecalledEvent hit : result.hits()) {
            for (Long episodeId : result.episodes()) {
                chunks.chunk(episodeId).filter(e -> hit.eventId() >= e.firstEventId() && hit.eventId() <= e.lastEventId())
                        .ifPresent(episode -> {
                            long[] state = rehearsal.getOrDefault(episode.id(), new long[] {0, 0, 0});
                            rehearsal.put(episode.id(), new long[] {state[0] + 1, Math.max(state[1], now.nanos()),
                                state[2]});
                        });
            }
        }
    }

    /** Removes the events of every episode whose retention at {@code now} fell below the policy's threshold. */
    public ForgettingReport forget(Timestamp now, ForgettingPolicy policy) {
        long examined = 0;
        long forgotten = 0;
        long removed = 0;
        for (RobotId robot : chunks.robots()) {
            // Sessions whose episodes all lost their detail have nothing left to forget: a pass costs what
            // memory still holds in detail, not the robot's whole past.
            for (Chunk session : chunks.sessionsWithDetail(robot)) {
                for (Chunk episode : chunks.members(session)) {
                    examined++;
                    long[] state = rehearsal.getOrDefault(episode.id(), new long[] {0, 0, 0});
                    long lastUse = Math.max(episode.end().nanos(), state[1]);
                    boolean oldEnough = now.nanos() - episode.end().nanos() >= policy.minAge().toNanos();
                    if (state[2] != 0 || !oldEnough || policy.retention(now.nanos() - lastUse, state[0])
                            >= policy.threshold()) {
                        continue;
                    }
                    for (long id : episode.members()) {
                        EventTrace trace = traces.get(id);
                        if (trace != null && events.forget(trace.robot(), trace.time().nanos(), id)) {
                            removed++;
                        }
                    }
                    rehearsal.put(episode.id(), new long[] {state[0], state[1], 1});
                    chunks.releaseDetail(episode);
                    forgotten++;
                }
            }
        }
        return new ForgettingReport(examined, forgotten, removed);
    }

    /**
     * After a reopen: chunk memory rebuilt every event vector from the traces, so the detail of episodes
     * forgotten before leaves memory again. Returns the vectors freed.
     */
    public long releaseForgottenDetail() {
        long freed = 0;
        for (RobotId robot : chunks.robots()) {
            for (Chunk session : chunks.sessions(robot)) {
                // By id first: reading every episode back (vectors, summaries) only to skip most of them was a
                // twentieth of what a reopen allocated.
                for (long episode : session.members()) {
                    if (detailForgotten(episode)) {
                        freed += chunks.releaseDetail(chunks.chunk(episode).orElseThrow());
                    }
                }
            }
        }
        return freed;
    }

    /** Whether an episode's detail was forgotten (its summary remains). */
    public boolean detailForgotten(long episodeId) {
        long[] state = rehearsal.get(episodeId);
        return state != null && state[2] != 0;
    }
}
