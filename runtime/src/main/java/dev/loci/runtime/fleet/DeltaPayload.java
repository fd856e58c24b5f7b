package dev.loci.runtime.fleet;

import dev.loci.episodic.event.Event;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.Versioned;
import dev.loci.spatial.validation.Require;

/**
 * What one committed local write was. Objects are not shipped: they are derived by fusion from observations,
 * so peers get the observations and fuse them themselves (see the runtime README, "fleet memory").
 */
public sealed interface DeltaPayload {
    /**
     * Raw observations committed by one write (a batch is one delta: one log entry, not one per observation),
     * without their image references (blob ids are local to the store that holds the blob).
     */
    record ObservationsWritten(java.util.List<Observation> observations) implements DeltaPayload {
        /** Observations per delta at most (the runtime also splits batches by encoded size). */
        public static final int MAX_OBSERVATIONS = 256;

        public ObservationsWritten {
            Require.present("observations", observations);
            if (observations.isEmpty() || observations.size() > MAX_OBSERVATIONS) {
                throw new dev.loci.spatial.validation.InvalidValueException("observations", observations.size(),
                        "must be within [1, " + MAX_OBSERVATIONS + "]");
            }
            observations = observations.stream().map(ObservationsWritten::withoutImage).toList();
        }

        static Observation withoutImage(Observation o) {
            return o.image().isEmpty() ? o : new Observation(o.robot(), o.time(), o.sensor(), o.sensorPose(),
                    o.label(), o.attributes(), o.box(), o.confidence(), o.embedding(), java.util.Optional.empty());
        }
    }

    /** An event, without its object references (object ids are local to the runtime that fused them). */
    record EventRecorded(Event event) implements DeltaPayload {
        public EventRecorded {
            Require.present("event", event);
            if (!event.objects().isEmpty()) {
                event = event.involving(java.util.List.of());
            }
        }
    }

    /** A profile version as the writer stored it: version number and provenance travel with it. */
    record ProfileWritten(Versioned<RobotProfile> profile) implements DeltaPayload {
        public ProfileWritten {
            Require.present("profile", profile);
        }
    }
}
