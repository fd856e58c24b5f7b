package dev.loci.bench.peers;

import dev.loci.bench.workload.ObjectCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Questions in words a planner would ask of the workload's memory: about objects (by class, in other words
 * than the label) and about what happened (battery, tasks, picking, detections). Seeded, and never equal to a
 * corpus text, so every store pays for embedding every question.
 */
final class TextQuestions {
    private static final long SEED = 11;
    private static final String[] OBJECT_TEMPLATES = {
        "where did I see a %s", "I need the %s", "is there a %s nearby", "find something like a %s"};
    private static final String[] EVENT_QUESTIONS = {
        "which robot is running out of battery", "battery almost empty", "a task that failed",
        "when did robot_2 finish its task", "robot_1_task_12 started", "the robot picked something up",
        "navigate to object 1200", "how many objects were detected", "a message from the operator",
        "the last heartbeat", "which tasks were completed", "picking up object 77", "detected five objects",
        "task failure of robot_3", "charging level is high"};

    private final List<String> questions;

    TextQuestions(TextCorpus corpus) {
        List<String> all = new ArrayList<>();
        Random random = new Random(SEED);
        for (String label : ObjectCatalog.labels()) {
            String words = TextCorpus.objectText(label);
            all.add(String.format(OBJECT_TEMPLATES[random.nextInt(OBJECT_TEMPLATES.length)], words));
            all.add(String.format(OBJECT_TEMPLATES[random.nextInt(OBJECT_TEMPLATES.length)], words));
        }
        all.addAll(List.of(EVENT_QUESTIONS));
        // Interleave object and event questions so every slice of samples asks both kinds.
        java.util.Collections.shuffle(all, random);
        this.questions = all.stream().filter(q -> !corpus.contains(q)).toList();
    }

    int size() {
        return questions.size();
    }

    String get(int i) {
        return questions.get(Math.floorMod(i, questions.size()));
    }
}
