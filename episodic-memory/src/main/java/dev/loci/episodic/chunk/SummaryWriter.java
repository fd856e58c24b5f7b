package dev.loci.episodic.chunk;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * Deterministic summary text of a {@link Digest}: who, where, when, what was done and seen, and the outcome.
 * The same digest and the same object labels always give the same text (no clock, no default locale, no hash
 * order), so summaries can be compared, cached and embedded reproducibly.
 *
 * <pre>
 * robot_1 in pantry, kitchen from 2023-11-14T22:13:20Z to 2023-11-14T22:14:05Z (45 s, 9 events).
 * Task: deliver red mug 1034 from pantry to lab. Did: navigated to the pantry; picked up the red mug 1034.
 * Saw: pantry shelf #12, red mug 1034 #1034. Outcome: none recorded, task still running.
 * </pre>
 */
public final class SummaryWriter {
    private static final int PLACES = 3;
    private static final int OBJECTS = 8;
    private static final int ACTIONS = 3;
    private static final int TASKS = 4;
    private static final int ACTION_CHARS = 80;

    private final LongFunction<String> objectLabels;

    /** @param objectLabels an object's label (class, name) by id, or null when unknown */
    public SummaryWriter(LongFunction<String> objectLabels) {
        this.objectLabels = Require.present("objectLabels", objectLabels);
    }

    public String episode(Digest digest) {
        StringBuilder text = new StringBuilder();
        text.append(digest.robot()).append(" in ").append(where(digest)).append(' ').append(when(digest))
                .append(" (").append(TimeText.duration(digest.start(), digest.end())).append(", ")
                .append(count(digest.events(), "event")).append(").");
        tasks(text, digest, "Task");
        if (!digest.actions().isEmpty()) {
            text.append(" Did: ").append(list(digest.actions().stream().map(SummaryWriter::shortened).toList(),
                    ACTIONS, digest.actionCount(), "; ")).append('.');
        }
        seen(text, digest);
        outcome(text, digest);
        return bounded(text);
    }

    public String session(Digest digest) {
        StringBuilder text = new StringBuilder();
        text.append(digest.robot()).append(" session ").append(when(digest)).append(" (")
                .append(TimeText.duration(digest.start(), digest.end())).append(", ")
                .append(count(digest.chunks(), "episode")).append(", ").append(count(digest.events(), "event"))
                .append(") in ").append(where(digest)).append('.');
        tasks(text, digest, "Tasks");
        seen(text, digest);
        outcome(text, digest);
        return bounded(text);
    }

    /** A subgoal of a task, for working memory: its name and outcome first, then the episode-style detail. */
    public String subgoal(String task, String subgoal, String outcome, Digest digest) {
        StringBuilder text = new StringBuilder();
        text.append("Subgoal \"").append(subgoal).append("\" of ").append(task).append(": ").append(outcome)
                .append(". ").append(digest.robot()).append(" in ").append(where(digest)).append(' ')
                .append(when(digest)).append(" (").append(count(digest.events(), "event")).append(").");
        if (!digest.actions().isEmpty()) {
            text.append(" Did: ").append(list(digest.actions().stream().map(SummaryWriter::shortened).toList(),
                    ACTIONS, digest.actionCount(), "; ")).append('.');
        }
        seen(text, digest);
        return bounded(text);
    }

    /** An object's label with its id, e.g. {@code red mug #1034}; {@code object #1034} when unknown. */
    public String label(long object) {
        String label = objectLabels.apply(object);
        return (label == null || label.isBlank() ? "object" : label.trim()) + " #" + object;
    }

    private static String where(Digest digest) {
        List<String> names = digest.places(PLACES);
        if (!names.isEmpty()) {
            return String.join(", ", names);
        }
        if (digest.centroid().isPresent()) {
            Vec3 c = digest.centroid().get();
            return String.format(Locale.ROOT, "an unnamed place near (%.1f, %.1f, %.1f)", c.x(), c.y(), c.z());
        }
        return "an unknown place";
    }

    private static String when(Digest digest) {
        return "from " + TimeText.of(digest.start()) + " to " + TimeText.of(digest.end());
    }

    private static void tasks(StringBuilder text, Digest digest, String heading) {
        if (digest.taskCount() > 0) {
            text.append(' ').append(heading).append(": ")
                    .append(list(digest.tasks(TASKS), TASKS, digest.taskCount(), "; ")).append('.');
        }
    }

    private void seen(StringBuilder text, Digest digest) {
        if (digest.distinctObjects() > 0) {
            text.append(" Saw: ").append(list(digest.objects(OBJECTS).stream().map(this::label).toList(), OBJECTS,
                    digest.distinctObjects(), ", ")).append('.');
        }
    }

    private static void outcome(StringBuilder text, Digest digest) {
        List<String> outcomes = digest.outcomes();
        text.append(" Outcome: ");
        if (!outcomes.isEmpty()) {
            text.append(String.join("; ", outcomes));
        } else if (digest.taskCount() > 0) {
            text.append("none recorded, task still running");
        } else {
            text.append("none recorded");
        }
        text.append('.');
    }

    private static String list(List<String> items, int shown, int total, String separator) {
        List<String> head = items.subList(0, Math.min(shown, items.size()));
        String joined = String.join(separator, head);
        return total > head.size() ? joined + " and " + (total - head.size()) + " more" : joined;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String shortened(String text) {
        return text.length() > ACTION_CHARS ? text.substring(0, ACTION_CHARS - 3) + "..." : text;
    }

    private static String bounded(StringBuilder text) {
        int max = dev.loci.spatial.validation.Require.MAX_TEXT_CHARS;
        return text.length() > max ? text.substring(0, max - 3) + "..." : text.toString();
    }
}
