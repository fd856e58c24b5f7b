package dev.loci.sim.eval;

import dev.loci.runtime.LociRuntime;
import dev.loci.sim.SimMemory;
import dev.loci.sim.Simulation;
import dev.loci.sim.robot.Body;
import dev.loci.sim.sensor.DetectorSettings;
import dev.loci.sim.task.GoToObject;
import dev.loci.sim.task.Reach;
import dev.loci.sim.task.Target;
import dev.loci.sim.task.TaskResult;
import dev.loci.sim.task.Team;
import dev.loci.sim.task.TeamMember;
import dev.loci.sim.world.Solid;
import dev.loci.sim.world.World;
import dev.loci.sim.world.WorldBuilder;
import dev.loci.sim.world.WorldFiles;
import dev.loci.sim.world.WorldSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The revisit benchmark. Per episode: a wheeled base and a mobile manipulator explore a freshly seeded world
 * into one Loci memory; then a share of the objects is moved while nobody watches; then, for each task, a
 * manipulator starts at one of the world's start points and must reach a described object ("the red mug"),
 * once guided by that memory and once as the memoryless baseline (frontier exploration with an empty memory
 * until it sees the object), from the same start in the same world state.
 */
public final class RevisitEvaluation {
    private static final double DT = 0.1;
    private static final int SENSE_EVERY = 2;

    private final EvaluationSettings settings;
    private final Path workDir;
    private final Consumer<String> progress;

    public RevisitEvaluation(EvaluationSettings settings, Path workDir, Consumer<String> progress) {
        this.settings = settings;
        this.workDir = workDir;
        this.progress = progress;
    }

    public List<TaskRecord> run(List<String> worlds) {
        List<TaskRecord> records = new ArrayList<>();
        for (String world : worlds) {
            for (long seed = 1; seed <= settings.episodes(); seed++) {
                records.addAll(episode(world, seed));
            }
        }
        return records;
    }

    public List<TaskRecord> episode(String worldName, long seed) {
        WorldSpec spec = new WorldFiles().bundled(worldName);
        World world = new WorldBuilder().build(spec, seed);
        Simulation simulation = new Simulation(world, DT);
        Path episodeDir = workDir.resolve(worldName + "-" + seed);
        List<TaskRecord> records = new ArrayList<>();
        try (LociRuntime loci = SimMemory.open(episodeDir.resolve("loci"))) {
            Team explorers = new Team(simulation, loci, DetectorSettings.DEFAULT, SENSE_EVERY, seed);
            double[] a = spec.starts().get(0);
            double[] b = spec.starts().get(1 % spec.starts().size());
            explorers.add("base_1", Body.wheeledBase(), a[0], a[1], 0);
            explorers.add("manipulator_1", Body.mobileManipulator(), b[0], b[1], Math.PI / 2);
            double explored = explorers.explore(settings.exploreSeconds());
            explorers.members().forEach(m -> simulation.remove(m.robot()));
            progress.accept(String.format("%s seed %d: explored %.0f s, %d objects remembered", worldName, seed,
                    explored, loci.stats().objects()));

            Random random = new Random(seed * 7919 + worldName.hashCode());
            List<Solid> unique = world.objects().stream()
                    .filter(o -> world.objects().stream().filter(Target.of(o)::matches).count() == 1).toList();
            List<Solid> shuffled = new ArrayList<>(unique);
            java.util.Collections.shuffle(shuffled, random);
            int toMove = (int) Math.round(settings.moveFraction() * world.objects().size());
            List<Solid> moved = new ArrayList<>(shuffled.subList(0, Math.min(toMove, shuffled.size())));
            for (Solid object : moved) {
                moveElsewhere(world, spec, object, random);
            }
            List<Solid> stayed = shuffled.subList(moved.size(), shuffled.size());
            List<Solid> revisit = stayed.subList(0, Math.min(settings.revisitTasks(), stayed.size()));
            List<Solid> movedTargets = moved.subList(0, Math.min(settings.movedTasks(), moved.size()));

            int task = 0;
            for (Solid target : concat(revisit, movedTargets)) {
                String kind = revisit.contains(target) ? "revisit" : "moved";
                double[] start = spec.starts().get(task % spec.starts().size());
                double yaw = random.nextDouble() * 2 * Math.PI - Math.PI;
                Target wanted = Target.of(target);
                TaskResult guided = runTask(simulation, loci, "loci_" + task, start, yaw, wanted, target,
                        GoToObject.Mode.MEMORY, seed);
                records.add(new TaskRecord(worldName, seed, kind, "loci", guided));
                Path baselineDir = episodeDir.resolve("baseline-" + task);
                try (LociRuntime empty = SimMemory.open(baselineDir)) {
                    TaskResult blind = runTask(simulation, empty, "baseline_" + task, start, yaw, wanted, target,
                            GoToObject.Mode.EXPLORE, seed);
                    records.add(new TaskRecord(worldName, seed, kind, "baseline", blind));
                }
                progress.accept(String.format("  %s %-20s loci %s spl %.2f %.0fs | baseline %s spl %.2f %.0fs", kind,
                        wanted, guided.success() ? "ok  " : "FAIL", guided.spl(), guided.seconds(),
                        records.get(records.size() - 1).result().success() ? "ok  " : "FAIL",
                        records.get(records.size() - 1).result().spl(), records.get(records.size() - 1).result().seconds()));
                task++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(episodeDir);
        }
        return records;
    }

    private TaskResult runTask(Simulation simulation, LociRuntime memory, String name, double[] start, double yaw,
                               Target wanted, Solid truth, GoToObject.Mode mode, long seed) {
        Team team = new Team(simulation, memory, DetectorSettings.DEFAULT, SENSE_EVERY, seed * 1_000 + name.hashCode());
        TeamMember member = team.add(name, Body.mobileManipulator(), start[0], start[1], yaw);
        double optimal = new OracleMap(simulation.world(), member.robot().body())
                .shortestToReach(start[0], start[1], truth.center());
        GoToObject task = new GoToObject(member, team.memory(), wanted, mode);
        double begin = simulation.seconds();
        while (!task.finished() && simulation.seconds() - begin < settings.taskSeconds()) {
            double now = simulation.seconds();
            team.tick(m -> task.step(now));
        }
        member.robot().stop();
        simulation.remove(member.robot());
        if (!task.done()) {
            progress.accept(String.format("    %s %s gave up: %s; robot at (%.2f, %.2f); object at %s", name, wanted,
                    task.state(), member.robot().x(), member.robot().y(), truth.center()));
        }
        boolean success = task.done()
                && Reach.reached(simulation.world().index(), member.robot().x(), member.robot().y(), truth.center());
        return new TaskResult(mode + " " + wanted, success, simulation.seconds() - begin, member.robot().travelled(),
                optimal);
    }

    private static void moveElsewhere(World world, WorldSpec spec, Solid object, Random random) {
        String current = world.supportOf(object).name();
        List<String> options = spec.objects().stream()
                .filter(o -> o.label().equals(object.label()) && o.attributes().equals(object.attributes()))
                .findFirst().map(WorldSpec.ObjectSpec::on).orElse(List.of()).stream()
                .filter(f -> !f.equals(current)).toList();
        if (!options.isEmpty()) {
            world.moveObject(object, options.get(random.nextInt(options.size())), random);
        }
    }

    private static List<Solid> concat(List<Solid> a, List<Solid> b) {
        List<Solid> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
