package dev.loci.runtime.semantic.ingest;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.semantic.index.ItemKey;
import dev.loci.runtime.semantic.index.ItemKind;
import dev.loci.runtime.semantic.index.SemanticItem;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.place.Place;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.util.Map;
import java.util.Optional;

/** What text each kind of memory contributes, and the filter metadata that goes with it. */
public final class ItemTexts {
    /** Places belong to the map, not to a robot. */
    public static final RobotId MAP = RobotId.of("map");

    private ItemTexts() {
    }

    /** An object: attribute values, then its label ("red ceramic mug"), where and when it was last seen. */
    public static SemanticItem of(RememberedObject o) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> attribute : o.attributes().entrySet()) {
            if (!attribute.getValue().isBlank()) {
                text.append(attribute.getValue().strip()).append(' ');
            }
        }
        text.append(o.label().replace('_', ' '));
        return new SemanticItem(new ItemKey(ItemKind.OBJECT, o.id()), o.lastSeen().robot(), o.lastSeen().time(),
                Optional.of(o.lastSeenAt()), o.label(), clip(text.toString()));
    }

    /** An event: its description. */
    public static SemanticItem of(StoredEvent stored) {
        var e = stored.event();
        return new SemanticItem(new ItemKey(ItemKind.EVENT, stored.id()), e.robot(), e.time(), e.place(),
                e.type().name().toLowerCase(java.util.Locale.ROOT), clip(e.description()));
    }

    /** An episode or session: its summary, placed at its centroid, timed at its end. */
    public static SemanticItem of(Chunk chunk) {
        return new SemanticItem(new ItemKey(ItemKind.CHUNK, chunk.id()), chunk.robot(), chunk.end(), chunk.centroid(),
                chunk.level().name().toLowerCase(java.util.Locale.ROOT), clip(chunk.summary()));
    }

    /** A place: its name ("kitchen" once named; "place_3" until then). */
    public static SemanticItem of(Place place, Timestamp asOf) {
        return new SemanticItem(new ItemKey(ItemKind.PLACE, place.id()), MAP, asOf, Optional.of(place.centroid()),
                "place", place.name().replace('_', ' '));
    }

    private static String clip(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", " ").strip();
        if (printable.isEmpty()) {
            printable = "?";
        }
        return printable.length() > Require.MAX_TEXT_CHARS ? printable.substring(0, Require.MAX_TEXT_CHARS) : printable;
    }
}
