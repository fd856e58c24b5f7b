package dev.loci.planner.task;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What was asked, independent of who does it.
 *
 * @param objectClass class of object wanted (find, fetch)
 * @param objectId    a particular remembered object (find, fetch, deliver)
 * @param destination where to bring it (fetch, deliver)
 * @param massKg      how heavy the object is, if the asker knows; otherwise the object's {@code mass_kg} attribute
 */
public record TaskSpec(TaskKind kind, Optional<String> objectClass, Optional<Long> objectId,
                       Optional<Vec3> destination, OptionalDouble massKg) {
    public static final double MAX_MASS_KG = 1000;

    public TaskSpec {
        Require.present("kind", kind);
        Require.present("object_class", objectClass);
        objectClass.ifPresent(label -> Require.label("object_class", label));
        Require.present("object_id", objectId);
        objectId.ifPresent(id -> {
            if (id < 1) {
                throw new InvalidValueException("object_id", id, "must be an object id >= 1");
            }
        });
        Require.present("destination", destination);
        Require.present("mass_kg", massKg);
        massKg.ifPresent(kg -> Require.inRange("mass_kg", kg, 0, MAX_MASS_KG));
        boolean wantsObject = objectClass.isPresent() || objectId.isPresent();
        switch (kind) {
            case FIND -> {
                if (!wantsObject) {
                    throw new InvalidValueException("object_class", "absent", "or object_id is required for find");
                }
            }
            case FETCH -> {
                if (!wantsObject) {
                    throw new InvalidValueException("object_class", "absent", "or object_id is required for fetch");
                }
                requireDestination(destination, kind);
            }
            case DELIVER -> {
                if (objectId.isEmpty()) {
                    throw new InvalidValueException("object_id", "absent", "is required for deliver");
                }
                requireDestination(destination, kind);
            }
            case EXPLORE -> {
                if (wantsObject || destination.isPresent()) {
                    throw new InvalidValueException("kind", kind.wireName(),
                            "takes no object_class, object_id or destination");
                }
            }
        }
    }

    public static TaskSpec find(String objectClass) {
        return new TaskSpec(TaskKind.FIND, Optional.of(objectClass), Optional.empty(), Optional.empty(),
                OptionalDouble.empty());
    }

    public static TaskSpec fetch(String objectClass, Vec3 destination) {
        return new TaskSpec(TaskKind.FETCH, Optional.of(objectClass), Optional.empty(), Optional.of(destination),
                OptionalDouble.empty());
    }

    public static TaskSpec deliver(long objectId, Vec3 destination) {
        return new TaskSpec(TaskKind.DELIVER, Optional.empty(), Optional.of(objectId), Optional.of(destination),
                OptionalDouble.empty());
    }

    public static TaskSpec explore() {
        return new TaskSpec(TaskKind.EXPLORE, Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty());
    }

    public TaskSpec weighing(double kg) {
        return new TaskSpec(kind, objectClass, objectId, destination, OptionalDouble.of(kg));
    }

    /** Whether doing it means carrying the object. */
    public boolean carries() {
        return kind == TaskKind.FETCH || kind == TaskKind.DELIVER;
    }

    private static void requireDestination(Optional<Vec3> destination, TaskKind kind) {
        if (destination.isEmpty()) {
            throw new InvalidValueException("destination", "absent", "is required for " + kind.wireName());
        }
    }
}
