package dev.loci.launch.demo;

import dev.loci.planner.task.TaskSpec;
import dev.loci.runtime.LociRuntime;
import dev.loci.sim.world.Solid;
import dev.loci.sim.world.World;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.objects.RememberedObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tasks a user would give after exploring, chosen from what memory holds: fetch the remembered things that
 * sit highest (some need a tall robot) to one table, and go to a few others.
 */
final class TaskChoice {
    /** A task and what it is in words. */
    record Chosen(TaskSpec spec, String words) {
    }

    private TaskChoice() {
    }

    static List<Chosen> choose(LociRuntime memory, World world, int fetches, int finds) {
        Set<String> movable = new TreeSet<>();
        world.objects().forEach(o -> movable.add(o.label()));
        List<RememberedObject> known = new ArrayList<>();
        for (String label : movable) {
            memory.objectsOfClass(label).stream().filter(o -> o.status() != ObjectStatus.GONE).forEach(known::add);
        }
        Solid table = destination(world);
        Vec3 drop = new Vec3(table.center().x(), table.center().y(), table.box().max().z());
        known.sort(Comparator.comparingDouble((RememberedObject o) -> -o.position().z())
                .thenComparingLong(RememberedObject::id));
        Set<String> fetched = new LinkedHashSet<>();
        for (RememberedObject o : known) {
            if (fetched.size() < fetches && !onFurniture(world, o, table)) {
                fetched.add(o.label());
            }
        }
        List<Chosen> chosen = new ArrayList<>();
        for (String label : fetched) {
            chosen.add(new Chosen(TaskSpec.fetch(label, drop), "fetch the " + label + " to the " + table.name()));
        }
        Set<String> found = new LinkedHashSet<>();
        known.stream().sorted(Comparator.comparingLong(RememberedObject::id)).map(RememberedObject::label)
                .filter(label -> !fetched.contains(label)).forEach(label -> {
                    if (found.size() < finds) {
                        found.add(label);
                    }
                });
        for (String label : found) {
            chosen.add(new Chosen(TaskSpec.find(label), "go to the " + label));
        }
        return chosen;
    }

    /** The low piece of furniture nearest the middle of the building: where fetched things go. */
    static Solid destination(World world) {
        double cx = world.spec().width() / 2;
        double cy = world.spec().depth() / 2;
        return world.furniture().stream().filter(f -> f.box().max().z() < 1.0 && f.box().max().z() > 0.4)
                .min(Comparator.comparingDouble((Solid f) -> Math.hypot(f.center().x() - cx, f.center().y() - cy))
                        .thenComparing(Solid::name))
                .orElseThrow(() -> new IllegalStateException("world " + world.name() + " has no table to fetch to"));
    }

    private static boolean onFurniture(World world, RememberedObject o, Solid furniture) {
        var b = furniture.box();
        Vec3 p = o.position();
        return p.x() >= b.min().x() && p.x() <= b.max().x() && p.y() >= b.min().y() && p.y() <= b.max().y();
    }
}
