package dev.loci.runtime.semantic.index;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.util.Optional;

/**
 * One text in semantic memory with what filters see of it.
 *
 * @param key      what it belongs to
 * @param robot    who observed or did it (for an object: who saw it last)
 * @param time     when (for an object: last seen; for a chunk: its end)
 * @param position where, if it has a place (for an object: where it was last seen)
 * @param label    class name of an object, event type of an event, level of a chunk, "place" for a place
 * @param text     the text that was embedded
 */
public record SemanticItem(ItemKey key, RobotId robot, Timestamp time, Optional<Vec3> position, String label,
                           String text) {
    public SemanticItem {
        Require.present("key", key);
        Require.present("robot", robot);
        Require.present("time", time);
        Require.present("position", position);
        Require.label("label", label);
        Require.text("text", text, Require.MAX_TEXT_CHARS);
    }
}
