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
    /** A raw observation, without its image reference (blob ids are local to the store that holds the blob). */
    record ObservationWritten(Observation observation) implements DeltaPayload {
        public ObservationWritten {
            Require.present("observation", observation);
            if (observation.image().isPresent()) {
                observation = new Observation(observation.robot(), observation.time(), observation.sensor(),
                        observation.sensorPose(), observation.label(), observation.attributes(), observation.box(),
                        observation.confidence(), observation.embedding(), java.util.Optional.empty());
            }
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
