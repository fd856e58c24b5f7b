package dev.loci.runtime.store.codec;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Quaternion;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collection;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Encodings of the building blocks that several codecs share. */
final class Fields {
    private Fields() {
    }

    static void version(DataOutput out, int version) throws IOException {
        out.writeByte(version);
    }

    static void expectVersion(DataInput in, String what, int supported) throws IOException {
        int version = in.readUnsignedByte();
        if (version != supported) {
            throw new CorruptRecordException(what + " format version " + version + " is unknown; this Loci reads "
                    + supported);
        }
    }

    /** A writeUTF string, read by the one checked reader ({@link CheckedUtf}). */
    static String utf(DataInput in) throws IOException {
        return CheckedUtf.read(in);
    }

    static void vec3(DataOutput out, Vec3 v) throws IOException {
        out.writeDouble(v.x());
        out.writeDouble(v.y());
        out.writeDouble(v.z());
    }

    static Vec3 vec3(DataInput in) throws IOException {
        return new Vec3(in.readDouble(), in.readDouble(), in.readDouble());
    }

    static void pose(DataOutput out, Pose pose) throws IOException {
        vec3(out, pose.position());
        Quaternion q = pose.orientation();
        out.writeDouble(q.w());
        out.writeDouble(q.x());
        out.writeDouble(q.y());
        out.writeDouble(q.z());
    }

    static Pose pose(DataInput in) throws IOException {
        Vec3 position = vec3(in);
        return new Pose(position, new Quaternion(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
    }

    static void aabb(DataOutput out, Aabb box) throws IOException {
        vec3(out, box.min());
        vec3(out, box.max());
    }

    static Aabb aabb(DataInput in) throws IOException {
        return new Aabb(vec3(in), vec3(in));
    }

    static void provenance(DataOutput out, Provenance p) throws IOException {
        out.writeUTF(p.robot().name());
        out.writeUTF(p.source());
        out.writeLong(p.time().nanos());
    }

    static Provenance provenance(DataInput in, RobotNames robots) throws IOException {
        return new Provenance(robots.read(in), Fields.utf(in), new Timestamp(in.readLong()));
    }

    static void attributes(DataOutput out, SortedMap<String, String> attributes) throws IOException {
        out.writeShort(attributes.size());
        for (var entry : attributes.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeUTF(entry.getValue());
        }
    }

    static SortedMap<String, String> attributes(DataInput in, int max) throws IOException {
        int count = count(in.readUnsignedShort(), max, "attributes");
        SortedMap<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            attributes.put(Fields.utf(in), Fields.utf(in));
        }
        return attributes;
    }

    static void names(DataOutput out, Collection<String> names) throws IOException {
        out.writeShort(names.size());
        for (String name : names) {
            out.writeUTF(name);
        }
    }

    static SortedSet<String> names(DataInput in, int max, String what) throws IOException {
        int count = count(in.readUnsignedShort(), max, what);
        SortedSet<String> names = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            names.add(Fields.utf(in));
        }
        return names;
    }

    /** Refuses a count beyond what any valid record holds, before allocating for it. */
    static int count(int count, int max, String what) throws CorruptRecordException {
        if (count < 0 || count > max) {
            throw new CorruptRecordException(what + " count " + count + " is outside [0, " + max + "]");
        }
        return count;
    }

    static void embedding(DataOutput out, dev.loci.spatial.observation.Embedding e) throws IOException {
        out.writeShort(e.dimensions());
        for (int i = 0; i < e.dimensions(); i++) {
            out.writeFloat(e.get(i));
        }
    }

    static dev.loci.spatial.observation.Embedding embedding(DataInput in) throws IOException {
        int dims = count(in.readUnsignedShort(), dev.loci.spatial.observation.Embedding.MAX_DIMENSIONS, "embedding dimension");
        float[] values = new float[dims];
        for (int i = 0; i < dims; i++) {
            values[i] = in.readFloat();
        }
        return dev.loci.spatial.observation.Embedding.adopting(values);
    }

    static void longs(DataOutput out, java.util.List<Long> values) throws IOException {
        out.writeInt(values.size());
        for (long v : values) {
            out.writeLong(v);
        }
    }

    static java.util.List<Long> longs(DataInput in, int max, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new CorruptRecordException(what + " count " + n + " is outside [0, " + max + "]");
        }
        java.util.List<Long> values = new java.util.ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            values.add(in.readLong());
        }
        return values;
    }

    static void strings(DataOutput out, java.util.List<String> values) throws IOException {
        out.writeShort(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    static java.util.List<String> strings(DataInput in, int max, String what) throws IOException {
        int n = count(in.readUnsignedShort(), max, what);
        java.util.List<String> values = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(Fields.utf(in));
        }
        return values;
    }
}
