package dev.loci.ros.fleet;

import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.fleet.FleetSync;
import dev.loci.runtime.fleet.MemoryDigest;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.runtime.testing.FleetWrites;
import dev.loci.spatial.provenance.RobotId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Child process of {@link FleetConvergenceTest}: one robot's runtime with fleet memory over DDS. It makes the
 * robot's deterministic writes (resuming after its last committed one when restarted), receives peers' deltas
 * through a filter that drops a fraction of them, and prints {@code WROTE k} and, every 300 ms,
 * {@code STATE <deltas applied over all origins> <digest>}.
 * Usage: FleetPeer DIR SELF DOMAIN DROP_FRACTION WRITES
 */
public final class FleetPeer {
    private FleetPeer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RobotId self = RobotId.of(args[1]);
        RosDomain domain = new RosDomain(Integer.parseInt(args[2]));
        double dropFraction = Double.parseDouble(args[3]);
        int writes = Integer.parseInt(args[4]);
        LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT.withCommitInterval(Duration.ofMillis(20)));
        FleetSync sync = runtime.fleet(self);
        RosNode node = new RosNode("loci_fleet_" + self.name(), "/", domain);
        Random drops = new Random(System.nanoTime());
        FleetLink link = new FleetLink(node, sync, FleetLink.Settings.DEFAULT, d -> drops.nextDouble() < dropFraction);
        long done = sync.vector().get(10, TimeUnit.SECONDS).get(self);
        say("STARTED " + done);
        for (int k = (int) done + 1; k <= writes; k++) {
            FleetWrites.write(runtime, self, k);
            if (k % 10 == 0) {
                say("WROTE " + k);
            }
            Thread.sleep(15);
        }
        while (true) {
            MemoryDigest digest = sync.digest().get(10, TimeUnit.SECONDS);
            say("STATE " + sync.vector().get(10, TimeUnit.SECONDS).total() + " " + digest.sha256() + " "
                    + digest.observations() + "/" + digest.events() + "/" + digest.profiles()
                    + " dropped=" + link.droppedByFilter() + " resent=" + link.deltasResent());
            Thread.sleep(300);
        }
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
