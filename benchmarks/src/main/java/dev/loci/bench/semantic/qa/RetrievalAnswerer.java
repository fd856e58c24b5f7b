package dev.loci.bench.semantic.qa;

import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.semantic.SemanticMemory;
import dev.loci.runtime.semantic.index.Hit;
import dev.loci.runtime.semantic.index.ItemKind;
import dev.loci.runtime.semantic.index.VectorFilter;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers templated questions by retrieval alone (no language model): the question's words go through
 * semantic memory, combined with the object memory (positions, attributes) and the event times.
 */
final class RetrievalAnswerer {
    /** A yes/no question is "yes" when the best match in the room scores at least this... */
    static final double YES_THRESHOLD = 0.6;
    /** ...and was seen no longer than this before the room was last looked at (else it is stale: gone). */
    static final double STALE_SECONDS = 3600;

    /** What retrieval answered: a position, a time in seconds, yes/no, or a word; the best match's score. */
    record Answer(Optional<Vec3> position, double seconds, boolean yes, String text, double score) {
        static final Answer NONE = new Answer(Optional.empty(), Double.NaN, false, "", Double.NaN);
    }

    private final LociRuntime memory;
    private final SemanticMemory semantic;
    private final Map<String, dev.loci.spatial.geometry.Aabb> rooms;

    RetrievalAnswerer(LociRuntime memory, SemanticMemory semantic, Map<String, dev.loci.spatial.geometry.Aabb> rooms) {
        this.memory = memory;
        this.semantic = semantic;
        this.rooms = rooms;
    }

    Answer answer(Question q) {
        return switch (q.type()) {
            case POSITION -> semantic.whereLastSeen(q.subject(), VectorFilter.ANY)
                    .map(s -> new Answer(Optional.of(s.sighting().where()), Double.NaN, false, "", s.score()))
                    .orElse(Answer.NONE);
            case TIME -> top(q.text(), VectorFilter.ANY.ofKinds(Set.of(ItemKind.EVENT)))
                    .map(h -> new Answer(Optional.empty(), seconds(h.item().time()), false, "", h.score()))
                    .orElse(Answer.NONE);
            case YES_NO -> yesNo(q);
            case TEXT -> textAnswer(q);
            case DURATION -> duration(q.text());
        };
    }

    /**
     * Yes when the best match in the room is good enough and not stale: memory without change detection keeps
     * an object where it was last seen, so one not seen for an hour before the room's latest sighting of
     * anything is taken as gone (temporal index beside the text match).
     */
    private Answer yesNo(Question q) {
        var room = rooms.get(q.room().orElseThrow());
        Optional<Hit> best = top(q.subject(), VectorFilter.ANY.ofKinds(Set.of(ItemKind.OBJECT)).within(room));
        if (best.isEmpty()) {
            return new Answer(Optional.empty(), Double.NaN, false, "", Double.NaN);
        }
        long roomLastSeen = memory.observationsInBox(room, Optional.empty()).stream()
                .mapToLong(o -> o.time().nanos()).max().orElse(0);
        boolean fresh = best.get().item().time().nanos() >= roomLastSeen - (long) (STALE_SECONDS * 1e9);
        return new Answer(Optional.empty(), Double.NaN, fresh && best.get().score() >= YES_THRESHOLD, "",
                best.get().score());
    }

    /** Colour or room of the object the words name, seen most recently among equally good matches. */
    private Answer textAnswer(Question q) {
        var seen = semantic.whereLastSeen(q.subject(), VectorFilter.ANY);
        if (seen.isEmpty()) {
            return Answer.NONE;
        }
        if (q.text().startsWith("which room")) {
            Vec3 at = seen.get().sighting().where();
            String room = rooms.entrySet().stream().filter(r -> r.getValue().contains(at)).map(Map.Entry::getKey)
                    .findFirst().orElse("");
            return new Answer(Optional.empty(), Double.NaN, false, room, seen.get().score());
        }
        String colour = memory.object(seen.get().sighting().objectId())
                .map(o -> o.attributes().getOrDefault("colour", "")).orElse("");
        return new Answer(Optional.empty(), Double.NaN, false, colour, seen.get().score());
    }

    /** The best matching task start, then the best matching finish of the same robot after it. */
    private Answer duration(String question) {
        Optional<Hit> start = top(question, VectorFilter.ANY.withLabels(Set.of("task_started")));
        if (start.isEmpty()) {
            return Answer.NONE;
        }
        Timestamp from = start.get().item().time();
        Optional<Hit> end = top(question, VectorFilter.ANY.withLabels(Set.of("task_finished"))
                .ofRobots(Set.of(start.get().item().robot())).between(from, Timestamp.ofNanos(Long.MAX_VALUE)));
        return end.map(e -> new Answer(Optional.empty(), seconds(e.item().time()) - seconds(from), false, "",
                        e.score()))
                .orElse(Answer.NONE);
    }

    private Optional<Hit> top(String text, VectorFilter filter) {
        List<Hit> hits = semantic.search(text, filter, 1);
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }

    private static double seconds(Timestamp t) {
        return t.nanos() / 1e9;
    }
}
