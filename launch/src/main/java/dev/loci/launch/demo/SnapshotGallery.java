package dev.loci.launch.demo;

import dev.loci.planner.task.TaskKind;
import dev.loci.runtime.LociRuntime;
import dev.loci.sim.picture.SnapshotPicture;
import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.snapshot.Snapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report's memory snapshots: for the things the tasks are about (fetched things first), the snapshot that is
 * memory's best view of each, drawn from memory by sim's {@link SnapshotPicture} (pure Java, no display needed).
 */
final class SnapshotGallery {
    /** Pictures in a report, at most. */
    static final int MOST = 4;
    private static final int WIDTH = 480;

    /**
     * One picture: its file name in the report folder, what it shows, and the true world rendered from the same
     * pose by jME, when there was a display to render on.
     */
    record Shot(String file, String caption, Snapshot snapshot, Optional<String> rendered) {
    }

    /** The pictures, and why there are no rendered views beside them if a display was there but rendering failed. */
    record Gallery(List<Shot> shots, Optional<String> renderProblem) {
    }

    private SnapshotGallery() {
    }

    /**
     * Draws up to {@link #MOST} snapshots of what memory holds now, one per task's object where it has one; with a
     * renderer, also the true world from each snapshot's pose (until rendering fails once).
     */
    static Gallery write(Path folder, LociRuntime memory, List<TaskChoice.Chosen> chosen,
                         Optional<RenderedView> renderer) throws IOException {
        List<RememberedObject> remembered = new ArrayList<>();
        for (String label : memory.objectClasses()) {
            remembered.addAll(memory.objectsOfClass(label));
        }
        SnapshotPicture picture = new SnapshotPicture(WIDTH).occupancy(memory.occupancyGrid()).remembered(remembered);
        List<Snapshot> snapshots = memory.snapshots();
        Map<Long, String> why = new LinkedHashMap<>();
        Map<Long, Snapshot> byFrame = new LinkedHashMap<>();
        List<TaskChoice.Chosen> fetchesFirst = new ArrayList<>(chosen);
        fetchesFirst.sort(Comparator.comparing((TaskChoice.Chosen c) -> c.spec().kind() != TaskKind.FETCH));
        for (TaskChoice.Chosen task : fetchesFirst) {
            if (byFrame.size() >= MOST) {
                break;
            }
            Optional<RememberedObject> object = target(memory, task);
            Optional<Snapshot> best = object.flatMap(o -> snapshots.stream().filter(s -> s.objects().contains(o.id()))
                    .findFirst());
            if (best.isPresent() && !byFrame.containsKey(best.get().frame().id())) {
                byFrame.put(best.get().frame().id(), best.get());
                why.put(best.get().frame().id(), String.format(Locale.ROOT, "for \"%s\": the %s (object %d)",
                        task.words(), object.get().label(), object.get().id()));
            }
        }
        // fewer than two task objects with a snapshot: add the snapshots that show the most objects
        snapshots.stream().sorted(Comparator.comparingInt((Snapshot s) -> -s.objects().size())
                        .thenComparingLong(s -> s.frame().id()))
                .filter(s -> !byFrame.containsKey(s.frame().id())).limit(Math.max(0, 2 - byFrame.size()))
                .forEach(s -> {
                    byFrame.put(s.frame().id(), s);
                    why.put(s.frame().id(), "the snapshot that shows the most objects");
                });
        List<Shot> shots = new ArrayList<>();
        Optional<String> renderProblem = Optional.empty();
        for (Snapshot snapshot : byFrame.values()) {
            FrameRecord frame = snapshot.frame();
            String file = "snapshot-" + frame.id() + ".png";
            picture.write(snapshot, folder.resolve(file));
            Optional<String> rendered = Optional.empty();
            if (renderer.isPresent() && renderProblem.isEmpty()) {
                String renderedFile = "snapshot-" + frame.id() + "-rendered.png";
                renderProblem = renderer.get().render(frame, folder.resolve(renderedFile));
                rendered = renderProblem.isEmpty() ? Optional.of(renderedFile) : Optional.empty();
            }
            String shows = remembered.stream().filter(o -> snapshot.objects().contains(o.id()))
                    .map(RememberedObject::label).distinct().collect(Collectors.joining(", "));
            shots.add(new Shot(file, String.format(Locale.ROOT, "Snapshot %d, %s: what %s's camera saw at t=%.1f s "
                            + "from (%.1f, %.1f), drawn from memory; memory's best view of: %s.", frame.id(),
                    why.get(frame.id()), frame.robot().name(), frame.time().seconds(),
                    frame.sensorPose().position().x(), frame.sensorPose().position().y(), shows), snapshot, rendered));
        }
        return new Gallery(shots, renderProblem);
    }

    /** The remembered object a task is about: of its class, not gone, the highest first (as the tasks were chosen). */
    private static Optional<RememberedObject> target(LociRuntime memory, TaskChoice.Chosen task) {
        if (task.spec().objectId().isPresent()) {
            return memory.object(task.spec().objectId().get());
        }
        return task.spec().objectClass().flatMap(label -> memory.objectsOfClass(label).stream()
                .filter(o -> o.status() != ObjectStatus.GONE)
                .min(Comparator.comparingDouble((RememberedObject o) -> -o.position().z())
                        .thenComparingLong(RememberedObject::id)));
    }
}
