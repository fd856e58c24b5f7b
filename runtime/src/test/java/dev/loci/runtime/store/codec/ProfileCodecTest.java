package dev.loci.runtime.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.provenance.Versioned;
import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProfileCodecTest extends CodecContractTest<Versioned<RobotProfile>> {

    @Override
    Codec<Versioned<RobotProfile>> codec() {
        return new ProfileCodec();
    }

    @Override
    List<Versioned<RobotProfile>> samples() {
        return Samples.profiles();
    }

    @Test
    void roundTripsVersionProvenanceAndProfile() throws IOException {
        Versioned<RobotProfile> v = new Versioned<>(Samples.profile(), 5, Samples.LAST);

        Versioned<RobotProfile> decoded = decode(encode(v));

        assertThat(decoded).isEqualTo(v);
        assertThat(decoded.version()).isEqualTo(5);
        assertThat(decoded.provenance()).isEqualTo(Samples.LAST);
        assertThat(decoded.value().sensors()).containsExactly("lidar", "rgbd");
        assertThat(decoded.value().skills()).containsExactly("navigate", "pick", "place");
        assertThat(decoded.value().pose()).isEqualTo(Samples.POSE);
    }

    @Test
    void roundTripsEveryKindAndStatus() throws IOException {
        for (RobotKind kind : RobotKind.values()) {
            for (RobotStatus status : RobotStatus.values()) {
                RobotProfile p = Samples.profile();
                RobotProfile changed = new RobotProfile(p.id(), kind, p.footprintRadius(), p.maxSpeed(),
                        p.reachHeight(), p.payloadKg(), p.sensors(), p.skills(), p.battery(), status, p.pose(),
                        p.lastHeartbeat());
                Versioned<RobotProfile> v = new Versioned<>(changed, 1, Samples.FIRST);
                assertThat(decode(encode(v))).isEqualTo(v);
            }
        }
    }

    private byte[] withMarkers() {
        RobotProfile p = Samples.profile();
        RobotProfile marked = new RobotProfile(p.id(), p.kind(), p.footprintRadius(), p.maxSpeed(), p.reachHeight(),
                p.payloadKg(), new TreeSet<>(List.of("zzsensor")), new TreeSet<>(List.of("zzskill")), p.battery(),
                p.status(), p.pose(), p.lastHeartbeat());
        return encode(new Versioned<>(marked, 1, Samples.FIRST));
    }

    @Test
    void refusesAbsurdSensorCount() {
        byte[] bytes = withMarkers();
        putShort(bytes, indexOf(bytes, utf("zzsensor")) - 2, 60_000);

        assertCorrupt(bytes, "sensors count 60000 is outside [0, 32]");
    }

    @Test
    void refusesAbsurdSkillCount() {
        byte[] bytes = withMarkers();
        putShort(bytes, indexOf(bytes, utf("zzskill")) - 2, 33);

        assertCorrupt(bytes, "skills count 33 is outside [0, 32]");
    }

    @Test
    void refusesUnknownKindAndStatusCodes() {
        byte[] bytes = withMarkers();
        byte[] id = utf(Samples.ROBOT.name());
        int kind = indexOf(bytes, concat(id, new byte[] {(byte) RobotKind.MOBILE_MANIPULATOR.code()})) + id.length;

        bytes[kind] = 42;
        assertCorrupt(bytes, "robot profile does not decode: robot kind code is not one of");

        byte[] status = withMarkers();
        int at = indexOf(status, concat(doubleBytes(0.87), new byte[] {(byte) RobotStatus.BUSY.code()})) + 8;
        status[at] = 0;
        assertCorrupt(status, "robot status code is not one of");
    }

    @Test
    void refusesBatteryOutOfRangeAsCorrupt() {
        byte[] bytes = withMarkers();
        putDouble(bytes, indexOf(bytes, doubleBytes(0.87)), 1.01);

        assertCorrupt(bytes, "battery must be in [0.0, 1.0]: 1.01");
    }

    @Test
    void refusesNonUnitOrientationAsCorrupt() {
        byte[] bytes = withMarkers();
        putDouble(bytes, indexOf(bytes, doubleBytes(Samples.POSE.orientation().w())), 2.0);

        assertCorrupt(bytes, "orientation must be a unit quaternion");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
