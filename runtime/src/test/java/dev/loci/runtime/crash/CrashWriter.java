package dev.loci.runtime.crash;

import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.ObservationAck;
import dev.loci.runtime.TestObservations;
import dev.loci.spatial.observation.Observation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link CrashRecoveryTest}: ingests numbered observations as fast as it can and prints
 * {@code ACK <index> <observationId>} for each one whose commit was acknowledged, until it is killed.
 * Usage: CrashWriter DIR SEED FIRST_INDEX
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        long next = Long.parseLong(args[2]);
        LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT.withCommitInterval(Duration.ofMillis(10)));
        while (true) {
            List<Observation> batch = new ArrayList<>();
            List<Long> indexes = new ArrayList<>();
            for (int k = 0; k < 20; k++, next++) {
                Observation observation = TestObservations.numbered(seed, next);
                if (TestObservations.hasImage(next)) {
                    observation = observation.withImage(runtime.putBlob(TestObservations.imageFor(next)));
                }
                batch.add(observation);
                indexes.add(next);
            }
            runtime.ingestAll(batch).thenAccept(acks -> {
                StringBuilder out = new StringBuilder();
                for (int k = 0; k < acks.size(); k++) {
                    ObservationAck ack = acks.get(k);
                    out.append("ACK ").append(indexes.get(k)).append(' ').append(ack.observationId()).append('\n');
                }
                synchronized (System.out) {
                    System.out.print(out);
                    System.out.flush();
                }
            });
        }
    }
}
