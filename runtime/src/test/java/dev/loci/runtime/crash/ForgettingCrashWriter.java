package dev.loci.runtime.crash;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.lifecycle.ForgettingPolicy;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Child process of {@link ForgettingCrashTest}: one day of chores per round (13 events a minute apart, days a
 * day apart), closes the robot's episodes, then forgets at the end of the day with a policy that drops every
 * episode older than a day. Prints {@code ACK <eventId>} per acknowledged event and {@code FORGOTTEN <episodeId>}
 * for every episode whose detail an acknowledged forgetting dropped, until it is killed. It resumes the day
 * after the latest one the store remembers. Usage: ForgettingCrashWriter DIR
 */
public final class ForgettingCrashWriter {
    static final RobotId ROBOT = RobotId.of("chore_bot");
    static final long DAY = 24 * 3_600_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    static final ForgettingPolicy POLICY = new ForgettingPolicy(Duration.ofHours(1), 0.5, Duration.ofDays(1));
    private static final String[] ROOMS = {"kitchen", "garage", "attic", "cellar", "hall"};

    private ForgettingCrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(Path.of(args[0]));
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(2);
        }
    }

    private static void run(Path dir) throws Exception {
        LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT.withCommitInterval(Duration.ofMillis(10)));
        long day = latestRemembered(runtime) / DAY + 1;
        while (true) {
            String room = ROOMS[(int) (day % ROOMS.length)];
            for (int step = 0; step < 12; step++) {
                ack(runtime.record(Event.of(ROBOT, Timestamp.ofNanos(day * DAY + step * MINUTE), EventType.ACTION,
                        "tasks", "tidy the " + room + " step " + step).at(new Vec3(day % 50, step * 0.1, 0))
                        .withAttributes(Map.of("room", room))));
            }
            ack(runtime.record(Event.of(ROBOT, Timestamp.ofNanos(day * DAY + 20 * MINUTE), EventType.TASK_FINISHED,
                    "tasks", "finished tidying the " + room).withAttributes(Map.of("room", room))));
            runtime.closeEpisodes(ROBOT).join();
            runtime.forget(Timestamp.ofNanos(day * DAY + 3_600_000_000_000L), POLICY).join();
            for (Chunk session : runtime.sessions(ROBOT)) {
                for (Chunk episode : runtime.episodesOf(session)) {
                    if (runtime.detailForgotten(episode.id())) {
                        print("FORGOTTEN " + episode.id());
                    }
                }
            }
            day++;
        }
    }

    /** The latest time the store remembers: an event, or the end of a session whose events were forgotten. */
    static long latestRemembered(LociRuntime runtime) {
        long latest = runtime.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofNanos(Long.MAX_VALUE))).stream()
                .mapToLong(e -> e.event().time().nanos()).max().orElse(0);
        for (Chunk session : runtime.sessions(ROBOT)) {
            latest = Math.max(latest, session.end().nanos());
        }
        return latest;
    }

    private static void ack(CompletableFuture<StoredEvent> stored) {
        stored.thenAccept(event -> print("ACK " + event.id()));
    }

    private static void print(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
