package dev.loci.planner.mcp;

import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.planner.fleet.TimeSource;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.tool.ToolCatalog;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loci-mcp --memory DIR [--read-only]}: opens a memory and serves its tool catalog over MCP on stdin and
 * stdout until stdin closes. Logs go to stderr; stdout carries only the protocol.
 */
@Command(name = "loci-mcp", mixinStandardHelpOptions = true,
        description = "Serve a Loci memory's planner tools over MCP (stdio).")
public final class McpStdioCommand implements Callable<Integer> {
    @Option(names = "--memory", required = true, description = "memory directory (created if new)")
    Path memory;

    @Option(names = "--read-only", description = "offer only the tools that read memory")
    boolean readOnly;

    @Option(names = "--heartbeat-timeout-ms", defaultValue = "3000",
            description = "silence after which a robot is declared failed (default ${DEFAULT-VALUE})")
    long heartbeatTimeoutMs;

    /** Where the protocol is written: the process's original stdout. */
    private OutputStream protocolOut = System.out;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stdinClosed = new CountDownLatch(1);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "loci-task-tick");
            thread.setDaemon(true);
            return thread;
        });
        try (LociRuntime runtime = LociRuntime.open(memory, LociConfig.DEFAULT)) {
            TaskCoordinator coordinator = new TaskCoordinator(runtime, new EmbodimentAllocator(new TaskPlanner(runtime)),
                    TimeSource.wallClock(), new TaskCoordinator.Settings(Duration.ofMillis(heartbeatTimeoutMs), 3));
            ticker.scheduleAtFixedRate(coordinator::tick, heartbeatTimeoutMs / 3, Math.max(1, heartbeatTimeoutMs / 3),
                    TimeUnit.MILLISECONDS);
            ToolCatalog catalog = new ToolCatalog(runtime, coordinator,
                    readOnly ? ToolCatalog.Access.READ_ONLY : ToolCatalog.Access.READ_WRITE);
            try (McpToolServer server = McpToolServer.start(catalog, new EndOfInput(System.in, stdinClosed), protocolOut)) {
                stdinClosed.await();
            }
        } finally {
            ticker.shutdownNow();
        }
        return 0;
    }

    public static void main(String[] args) {
        // Stdout belongs to the protocol: anything else that prints there (a logger's default console appender,
        // a library's banner) goes to stderr instead. Done before any logger starts.
        PrintStream protocol = System.out;
        System.setOut(System.err);
        McpStdioCommand command = new McpStdioCommand();
        command.protocolOut = protocol;
        System.exit(new CommandLine(command).setOut(new java.io.PrintWriter(System.err, true)).execute(args));
    }

    /** Tells the command when the client has closed its end, so it can close the memory cleanly. */
    private static final class EndOfInput extends FilterInputStream {
        private final CountDownLatch closed;

        EndOfInput(InputStream in, CountDownLatch closed) {
            super(in);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                closed.countDown();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                closed.countDown();
            }
            return n;
        }
    }
}
