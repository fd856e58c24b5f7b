package dev.loci.ros.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three runtimes in three JVMs over real DDS on a random domain: each writes its own robot's memory, 30% of
 * the deltas each receives are dropped, and one runtime is killed (SIGKILL) mid-run and restarted on its
 * store. At the end all three hold the same observations, events and profiles (equal digests).
 */
class FleetConvergenceTest {
    private static final List<String> ROBOTS = List.of("robot_a", "robot_b", "robot_c");
    private static final int WRITES = 200;
    private static final double DROP = 0.3;

    @TempDir
    Path dir;

    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final Map<String, String> lastState = new ConcurrentHashMap<>();
    private final Map<String, Integer> wrote = new ConcurrentHashMap<>();
    private final int domain = 100 + new Random().nextInt(100);

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : processes.values()) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void fleetMemoryConvergesWithDroppedDeltasAndARestartedRuntime() throws Exception {
        for (String robot : ROBOTS) {
            start(robot);
        }
        String victim = "robot_b";
        Eventually.assertWithin(() -> wrote.getOrDefault(victim, 0) >= 60, 60, "robot_b made 60 writes");
        Process killed = processes.get(victim);
        killed.destroyForcibly();
        assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        lastState.remove(victim);
        Thread.sleep(1000); // the others go on without it
        start(victim);

        long expected = (long) ROBOTS.size() * WRITES;
        boolean converged = Eventually.holds(() -> {
            Map<String, String> states = new HashMap<>(lastState);
            if (states.size() != ROBOTS.size()) {
                return false;
            }
            return states.values().stream().allMatch(s -> s.startsWith(expected + " "))
                    && states.values().stream().map(s -> s.split(" ")[1]).distinct().count() == 1;
        }, 75);
        System.out.println("fleet convergence on domain " + domain + ": " + lastState);
        assertThat(converged).as("every runtime applied all %d deltas with one digest: %s", expected, lastState)
                .isTrue();
        String[] state = lastState.get("robot_a").split(" ");
        // per robot: 200 writes = 160 observations, 20 events, 20 profile updates; 4 profiles (3 own + shared_bot)
        assertThat(state[2]).isEqualTo("480/60/4");
        long droppedTotal = lastState.values().stream()
                .mapToLong(s -> Long.parseLong(s.split(" ")[3].substring("dropped=".length()))).sum();
        assertThat(droppedTotal).as("the filter did drop deltas").isPositive();
    }

    private void start(String robot) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                FleetPeer.class.getName(), dir.resolve(robot).toString(), robot, Integer.toString(domain),
                Double.toString(DROP), Integer.toString(WRITES))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("ROS_DOMAIN_ID", Integer.toString(domain));
        Process process = builder.start();
        processes.put(robot, process);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("WROTE ")) {
                        wrote.put(robot, Integer.parseInt(line.substring(6).trim()));
                    } else if (line.startsWith("STATE ") && processes.get(robot) == process) {
                        lastState.put(robot, line.substring(6));
                    }
                }
            } catch (java.io.IOException endOfStream) {
                // the peer died
            }
        });
        reader.setDaemon(true);
        reader.start();
    }
}
