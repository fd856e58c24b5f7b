package dev.loci.sim.sensor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A running SHA-256 over sensor data and poses: two runs are identical when their digests are. */
public final class SensorDigest {
    private final MessageDigest sha;
    private final ByteBuffer buffer = ByteBuffer.allocate(8);

    public SensorDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    public void add(float[] values) {
        for (float v : values) {
            buffer.clear();
            buffer.putInt(Float.floatToIntBits(v));
            sha.update(buffer.array(), 0, 4);
        }
    }

    public void add(String label, double... values) {
        sha.update(label.getBytes(StandardCharsets.UTF_8));
        add(values);
    }

    public void add(double... values) {
        for (double v : values) {
            buffer.clear();
            buffer.putLong(Double.doubleToLongBits(v));
            sha.update(buffer.array(), 0, 8);
        }
    }

    /** The digest so far (does not reset it). */
    public String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }
}
