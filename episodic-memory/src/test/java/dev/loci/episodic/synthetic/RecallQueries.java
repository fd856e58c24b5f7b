package dev.loci.episodic.synthetic;

import dev.loci.episodic.event.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded recall questions about a synthetic history: each is about one randomly chosen past event that involved
 * a movable item, worded the way a planner would ask (the item's label, maybe the room, a verb), or as a
 * fragment of the event's own description with words dropped.
 */
public final class RecallQueries {
    private RecallQueries() {
    }

    /**
     * Questions about one past task each (a delivery or a patrol), the way a planner recalls an episode: the
     * item or the rooms, the task's verb, sometimes the outcome.
     */
    public static List<String> aboutTasks(SyntheticHistory.History history, int count, long seed) {
        Random random = new Random(seed);
        List<StoredEvent> starts = new ArrayList<>();
        for (StoredEvent e : history.events()) {
            String task = e.event().attributes().getOrDefault("task", "");
            if (e.event().type() == dev.loci.episodic.event.EventType.TASK_STARTED
                    && (task.startsWith("deliver") || task.startsWith("patrol"))) {
                starts.add(e);
            }
        }
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String task = starts.get(random.nextInt(starts.size())).event().attributes().get("task");
            String[] words = task.split(" ");
            if (task.startsWith("deliver")) {
                // deliver <colour> <class> <serial> from <a> to <b>
                String item = words[1] + " " + words[2] + " " + words[3];
                queries.add(switch (random.nextInt(4)) {
                    case 0 -> "when did I deliver the " + item;
                    case 1 -> "the " + item + " from the " + words[5] + " to the " + words[7];
                    case 2 -> "what happened to the " + item + " delivery";
                    default -> "deliver " + words[2] + " " + words[3] + " to " + words[7];
                });
            } else {
                // patrol <a> <b> and <c>
                queries.add(random.nextBoolean() ? "my patrol of " + words[1] + ", " + words[2] + " and " + words[4]
                        : "patrolling the " + words[2] + " and the " + words[4] + " after the " + words[1]);
            }
        }
        return queries;
    }

    /**
     * Questions about sightings of an item: answered by observations spread over many sessions (items lie in
     * rooms and are seen on every pass), so their exact top 10 depends on wording noise across the whole
     * history.
     */
    public static List<String> aboutSightings(SyntheticHistory.History history, int count, long seed) {
        Random random = new Random(seed);
        List<StoredEvent> candidates = new ArrayList<>();
        for (StoredEvent e : history.events()) {
            if (e.event().objects().stream().anyMatch(o -> o >= 1000)) {
                candidates.add(e);
            }
        }
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StoredEvent target = candidates.get(random.nextInt(candidates.size()));
            long item = target.event().objects().stream().filter(o -> o >= 1000).findFirst().orElseThrow();
            String label = history.labels().get(item);
            String room = target.event().attributes().getOrDefault("room", "");
            queries.add(switch (random.nextInt(4)) {
                case 0 -> "where did I see the " + label;
                case 1 -> label + " in the " + room;
                case 2 -> "when did I handle the " + label + " in the " + room;
                default -> dropWords(target.event().description(), random);
            });
        }
        return queries;
    }

    private static String dropWords(String text, Random random) {
        StringBuilder kept = new StringBuilder();
        for (String word : text.toLowerCase(Locale.ROOT).split(" ")) {
            if (random.nextDouble() >= 0.3) {
                kept.append(kept.length() == 0 ? "" : " ").append(word);
            }
        }
        return kept.length() == 0 ? text : kept.toString();
    }
}
