package dev.loci.launch;

import dev.loci.launch.demo.CompareCommand;
import dev.loci.launch.demo.DemoCommand;
import dev.loci.launch.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code loci} command line. */
@Command(name = "loci", mixinStandardHelpOptions = true, version = "loci 0.1.0",
        description = "Spatio-temporal-embodiment memory for robots.",
        subcommands = {DemoCommand.class, CompareCommand.class, StatsCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class LociCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new LociCommand()).execute(args));
    }
}
