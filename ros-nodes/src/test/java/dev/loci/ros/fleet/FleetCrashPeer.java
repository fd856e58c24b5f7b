package dev.loci.ros.fleet;

import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.fleet.FleetSync;
import dev.loci.runtime.fleet.MemoryDigest;
import dev.loci.runtime.fleet.VersionVector;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.runtime.testing.FleetWrites;
import dev.loci.spatial.provenance.RobotId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Child process of {@link FleetSyncCrashTest}: one robot's runtime with fleet memory over DDS that writes
 * without pause until {@code STOP_FILE} exists, resuming after its last committed write when restarted. Prints
 * {@code STARTED <committed vector>} once open, {@code ACK k} when write k is committed (acknowledged),
 * {@code VECTOR <committed vector>} every 100 ms (what it acknowledges having received), {@code DONE k} when it
 * stops writing, then {@code STATE <deltas over all origins> <digest>} every 300 ms.
 * A vector prints as {@code origin=mark,origin=mark}. Usage: FleetCrashPeer DIR SELF DOMAIN STOP_FILE
 */
public final class FleetCrashPeer {
    private FleetCrashPeer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RobotId self = RobotId.of(args[1]);
        RosDomain domain = new RosDomain(Integer.parseInt(args[2]));
        Path stopFile = Path.of(args[3]);
        LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT.withCommitInterval(Duration.ofMillis(20)));
        FleetSync sync = runtime.fleet(self);
        RosNode node = new RosNode("loci_fleet_" + self.name(), "/", domain);
        FleetLink.start(node, sync, FleetLink.Settings.DEFAULT);
        VersionVector start = sync.vector().get(10, TimeUnit.SECONDS);
        say("STARTED " + format(start));
        Thread receipts = new Thread(() -> {
            try {
                while (true) {
                    say("VECTOR " + format(sync.vector().get(10, TimeUnit.SECONDS)));
                    Thread.sleep(100);
                }
            } catch (Exception stopped) {
                // the process is ending
            }
        }, "receipts");
        receipts.setDaemon(true);
        receipts.start();
        int k = (int) start.get(self);
        while (!Files.exists(stopFile)) {
            k++;
            FleetWrites.write(runtime, self, k).get(10, TimeUnit.SECONDS);
            say("ACK " + k);
            Thread.sleep(5);
        }
        say("DONE " + k);
        while (true) {
            MemoryDigest digest = sync.digest().get(10, TimeUnit.SECONDS);
            say("STATE " + sync.vector().get(10, TimeUnit.SECONDS).total() + " " + digest.sha256());
            Thread.sleep(300);
        }
    }

    static String format(VersionVector vector) {
        return vector.marks().entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
