package dev.loci.sim.eval;

import dev.loci.sim.world.WorldFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the revisit benchmark and prints (and optionally writes) the Markdown report. */
@Command(name = "sim-evaluate", mixinStandardHelpOptions = true,
        description = "Revisit benchmark: Loci-guided vs memoryless frontier exploration in simulated worlds.")
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--worlds", split = ",", description = "worlds to run (default: ${DEFAULT-VALUE})")
    List<String> worlds = WorldFiles.BUNDLED;

    @Option(names = "--episodes", description = "episodes (seeds 1..N) per world (default: ${DEFAULT-VALUE})")
    int episodes = EvaluationSettings.DEFAULT.episodes();

    @Option(names = "--revisit-tasks", description = "tasks per episode on unmoved objects (default: ${DEFAULT-VALUE})")
    int revisitTasks = EvaluationSettings.DEFAULT.revisitTasks();

    @Option(names = "--moved-tasks", description = "tasks per episode on moved objects (default: ${DEFAULT-VALUE})")
    int movedTasks = EvaluationSettings.DEFAULT.movedTasks();

    @Option(names = "--work-dir", description = "where episode memories live while they run (default: a temp dir)")
    Path workDir;

    @Option(names = "--out", description = "also write the Markdown table here")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvaluateCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        EvaluationSettings d = EvaluationSettings.DEFAULT;
        EvaluationSettings settings = new EvaluationSettings(episodes, revisitTasks, movedTasks, d.moveFraction(),
                d.exploreSeconds(), d.taskSeconds());
        Path dir = workDir != null ? workDir : Files.createTempDirectory("loci-sim-eval");
        List<TaskRecord> records = new RevisitEvaluation(settings, dir, System.out::println).run(worlds);
        String table = new EvaluationReport(records).markdown();
        System.out.println();
        System.out.print(table);
        if (out != null) {
            Files.writeString(out, table);
        }
        return 0;
    }
}
