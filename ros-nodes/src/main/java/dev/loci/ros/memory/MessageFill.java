package dev.loci.ros.memory;

import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.objects.ObjectState;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.provenance.Versioned;
import dev.loci.spatial.snapshot.Snapshot;
import java.util.Locale;
import loci_msgs.msg.dds.EventInfo;
import loci_msgs.msg.dds.FrontierInfo;
import loci_msgs.msg.dds.ObjectInfo;
import loci_msgs.msg.dds.RobotProfileInfo;
import loci_msgs.msg.dds.SnapshotInfo;
import us.ihmc.idl.IDLSequence;

/** Loci memory records into loci_msgs messages; strings and lists clipped to the bounds the .msg files declare. */
final class MessageFill {
    private MessageFill() {
    }

    static void object(ObjectInfo info, RememberedObject o) {
        info.setId(o.id());
        info.setClassId(clip(o.label(), 64));
        info.getPosition().set(o.position().x(), o.position().y(), o.position().z());
        info.getSize().set(o.size().x(), o.size().y(), o.size().z());
        info.setConfidence(o.confidence());
        Stamps.fill(info.getLastSeen(), o.lastSeen().time());
        info.setLastSeenBy(clip(o.lastSeen().robot().name(), 64));
        info.setStatus(o.status().name().toLowerCase(Locale.ROOT));
    }

    static void objectState(ObjectInfo info, ObjectState o) {
        info.setId(o.id());
        info.setClassId(clip(o.label(), 64));
        info.getPosition().set(o.position().x(), o.position().y(), o.position().z());
        info.setConfidence(o.confidence());
        Stamps.fill(info.getLastSeen(), o.at());
        info.setStatus(o.status().name().toLowerCase(Locale.ROOT));
    }

    static void event(EventInfo info, StoredEvent stored) {
        info.setId(stored.id());
        info.setRobot(clip(stored.event().robot().name(), 64));
        Stamps.fill(info.getStamp(), stored.event().time());
        info.setKind(clip(stored.event().type().name().toLowerCase(Locale.ROOT), 16));
        info.setReportedBy(clip(stored.event().source(), 64));
        info.setDescription(clip(stored.event().description(), 1024));
    }

    static void snapshot(SnapshotInfo info, Snapshot s) {
        info.setFrameId(s.frame().id());
        info.setRobot(clip(s.frame().robot().name(), 64));
        Stamps.fill(info.getStamp(), s.frame().time());
        Poses.fill(info.getCameraPose(), s.frame().sensorPose());
        for (Long id : s.objects()) {
            if (info.getObjects().size() >= 256) {
                break;
            }
            info.getObjects().add(id);
        }
        strings(info.getClasses(), s.classes(), 64, 64);
    }

    static void frontier(FrontierInfo info, Frontier f) {
        info.setId(f.id());
        info.setCells(f.cells());
        info.setAreaM2(f.areaM2());
        info.getCentroid().set(f.centroid().x(), f.centroid().y(), f.centroid().z());
        Poses.fill(info.getViewpoint(), f.viewpoint());
    }

    static void profile(RobotProfileInfo info, Versioned<RobotProfile> versioned) {
        RobotProfile p = versioned.value();
        info.setRobot(clip(p.id().name(), 64));
        info.setKind(clip(p.kind().name().toLowerCase(Locale.ROOT), 16));
        info.setFootprintRadius(p.footprintRadius());
        info.setMaxSpeed(p.maxSpeed());
        info.setReachHeight(p.reachHeight());
        info.setPayloadKg(p.payloadKg());
        strings(info.getSensors(), p.sensors(), 32, 64);
        strings(info.getSkills(), p.skills(), 32, 64);
        info.setBattery(p.battery());
        info.setStatus(p.status().name().toLowerCase(Locale.ROOT));
        Poses.fill(info.getPose(), p.pose());
        Stamps.fill(info.getLastHeartbeat(), p.lastHeartbeat());
        info.setVersion(versioned.version());
    }

    /** At most {@code bound} strings of at most {@code max} characters (the generated list would grow past them). */
    private static void strings(IDLSequence.StringBuilderHolder target, Iterable<String> values, int bound, int max) {
        for (String v : values) {
            if (target.size() >= bound) {
                break;
            }
            target.add(clip(v, max));
        }
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
