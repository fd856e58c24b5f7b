package dev.loci.episodic.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded recall questions about a {@link SyntheticHistory}, worded the way a planner would ask: about one past
 * task each (a delivery or a patrol), or about where an item was seen.
 */
public final class RecallQueries {
    private RecallQueries() {
    }

    /**
     * Questions about one past task each (from {@link SyntheticHistory#recallableTasks()}), the way a planner
     * recalls an episode: the item or the rooms, the task's verb.
     */
    public static List<String> aboutTasks(List<String> tasks, int count, long seed) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String task = tasks.get(random.nextInt(tasks.size()));
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
     * Questions about sightings of an item (from {@link SyntheticHistory#sightings()}): the item's label, maybe
     * the room, a verb, or a fragment of the event's own description with words dropped. Items lie in rooms and
     * are seen on every pass, so the answers are spread over many sessions.
     */
    public static List<String> aboutSightings(List<SyntheticHistory.Sighting> sightings, int count, long seed) {
        Random random = new Random(seed);
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SyntheticHistory.Sighting sighting = sightings.get(random.nextInt(sightings.size()));
            queries.add(switch (random.nextInt(4)) {
                case 0 -> "where did I see the " + sighting.label();
                case 1 -> sighting.label() + " in the " + sighting.room();
                case 2 -> "when did I handle the " + sighting.label() + " in the " + sighting.room();
                default -> dropWords(sighting.description(), random);
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
