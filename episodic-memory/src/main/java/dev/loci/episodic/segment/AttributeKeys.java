package dev.loci.episodic.segment;

import dev.loci.episodic.event.Event;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which event attributes carry the context that segmentation, chunking and working memory read. Producers
 * (task manager, place recogniser, the simulator) set these keys; everything else in the attributes is ignored
 * here.
 *
 * @param placeKeys  attributes naming the place (room, area); an event may carry several (room and place)
 * @param taskKey    the task the robot is working on when the event happens
 * @param subgoalKey the subgoal of that task
 * @param sessionKey an explicit session (shift, mission) id; a change closes a session
 */
public record AttributeKeys(List<String> placeKeys, String taskKey, String subgoalKey, String sessionKey) {
    public static final AttributeKeys DEFAULT = new AttributeKeys(List.of("room", "place"), "task", "subgoal",
            "session");

    public AttributeKeys {
        Require.atMost("placeKeys", placeKeys, Require.MAX_ATTRIBUTES);
        if (placeKeys.isEmpty()) {
            throw new InvalidValueException("placeKeys", placeKeys, "must name at least one attribute");
        }
        for (String key : placeKeys) {
            Require.label("placeKeys entry", key);
        }
        placeKeys = List.copyOf(placeKeys);
        Require.label("taskKey", taskKey);
        Require.label("subgoalKey", subgoalKey);
        Require.label("sessionKey", sessionKey);
    }

    /** The event's place names, in the order of {@link #placeKeys}, blank values skipped. */
    public List<String> placeNames(Event event) {
        List<String> names = new ArrayList<>(placeKeys.size());
        for (String key : placeKeys) {
            String value = event.attributes().get(key);
            if (value != null && !value.isBlank() && !names.contains(value.trim())) {
                names.add(value.trim());
            }
        }
        return names;
    }

    public Optional<String> task(Event event) {
        return nonBlank(event.attributes().get(taskKey));
    }

    public Optional<String> subgoal(Event event) {
        return nonBlank(event.attributes().get(subgoalKey));
    }

    public Optional<String> session(Event event) {
        return nonBlank(event.attributes().get(sessionKey));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
