package dev.loci.episodic.segment;

import dev.loci.episodic.event.Event;
import dev.loci.spatial.validation.Require;

/**
 * The text an event is embedded from: its description, then its place names and its task. Places and task are
 * part of what happened ("picked up the box" in the pantry, during "deliver parcel 4711"), so a question that
 * names them should find the event even when the description does not repeat them.
 */
public final class EventText {
    private final AttributeKeys keys;

    public EventText(AttributeKeys keys) {
        this.keys = Require.present("keys", keys);
    }

    public String of(Event event) {
        StringBuilder text = new StringBuilder(event.description());
        for (String place : keys.placeNames(event)) {
            text.append(" | ").append(place);
        }
        keys.task(event).ifPresent(task -> text.append(" | ").append(task));
        return text.toString();
    }
}
