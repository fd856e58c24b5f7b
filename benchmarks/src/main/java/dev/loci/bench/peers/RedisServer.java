package dev.loci.bench.peers;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A private redis-server for one comparison: loopback only, a free port, its files in a directory the caller
 * owns, append-only file with fsync every second (Redis' recommended durable setting), no RDB snapshots.
 * Not the system service: started and stopped here.
 */
final class RedisServer implements AutoCloseable {
    static final String EXECUTABLE = "redis-server";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    /** USER_HZ: 100 on every Linux this runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Path directory;
    private final int port;
    private Process process;

    private RedisServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Whether {@value #EXECUTABLE} is on the PATH. */
    static Optional<Path> installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, EXECUTABLE))
                .filter(Files::isExecutable).findFirst();
    }

    /** Starts a server keeping its files in {@code directory} and waits until it answers. */
    static RedisServer start(Path directory) throws IOException {
        RedisServer server = new RedisServer(directory, freePort());
        server.launch();
        return server;
    }

    int port() {
        return port;
    }

    Path directory() {
        return directory;
    }

    /** Shuts down cleanly (the append-only file is flushed) and starts again on the same files; waits until loaded. */
    void restart() throws IOException {
        stop();
        launch();
    }

    /** CPU time (user + system) of the running server process so far, from /proc; 0 if unknown. */
    long cpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks.
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(EXECUTABLE, "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", directory.toString(), "--appendonly", "yes",
                "--appendfsync", "everysec", "--save", "", "--daemonize", "no",
                "--logfile", directory.resolve("redis.log").toString()));
        builder.redirectErrorStream(true).redirectOutput(directory.resolve("redis.out").toFile());
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (JedisConnectionException | JedisDataException notYet) {
                // not listening yet, or still loading the append-only file
            }
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + "; see "
                        + directory.resolve("redis.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("redis-server did not answer within " + START_TIMEOUT);
            }
            sleep(2);
        }
    }

    private void stop() throws IOException {
        if (process == null || !process.isAlive()) {
            return;
        }
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.shutdown();
        } catch (JedisConnectionException | JedisDataException expected) {
            // the server closes the connection as it exits
        }
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("redis-server did not shut down within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
