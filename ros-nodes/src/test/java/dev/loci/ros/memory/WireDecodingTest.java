package dev.loci.ros.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.loci.ros.fleet.FleetPacketMessage;
import dev.loci.ros.fleet.FleetPacketType;
import dev.loci.ros.service.Envelope;
import dev.loci.ros.transport.MalformedSampleException;
import dev.loci.ros.transport.SampleDecoder;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import loci_msgs.msg.dds.DetectionArray;
import loci_msgs.msg.dds.DetectionArrayPubSubType;
import loci_msgs.msg.dds.WhereIsRequest;
import org.junit.jupiter.api.Test;
import us.ihmc.pubsub.TopicDataType;

/** Regression tests for what fuzzing the wire decoders found, each through the path a subscription uses. */
class WireDecodingTest {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void aStringLengthOf2GbIsRefusedWithoutAllocatingIt() {
        TopicDataType<Envelope<WhereIsRequest>> type = LociServiceTypes.WHERE_IS.requestEnvelope();
        byte[] wire = littleEndianCdr(b -> b.putLong(7).putLong(1).putInt(0x7fff_fff0)); // guid, seq, class_id
        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> decode(type, wire))
                .isInstanceOf(MalformedSampleException.class)
                .hasMessageContaining("WhereIs_Request_").hasMessageContaining("string length 2147483632"));
        assertThat(allocated).as("bytes allocated refusing it (the library's reader took 2 GB)").isLessThan(1 << 24);
    }

    @Test
    void aSequenceLengthBeyondTheSampleIsRefusedBeforeReadingElements() {
        DetectionArray array = RobotSide.detections("robot_1", 80, "mug", 1.0, 2.0, 0.5);
        byte[] wire = WireSamples.sent(new DetectionArrayPubSubType(), array);
        // The detections count precedes the detection's id ("": length 1, NUL, padding) and class_id: 2^31 - 1.
        int at = new String(wire, StandardCharsets.ISO_8859_1).indexOf("mug\0") - 4 - 8 - 4;
        assertThat(ByteBuffer.wrap(wire).order(ByteOrder.LITTLE_ENDIAN).getInt(at)).as("the count").isEqualTo(1);
        ByteBuffer.wrap(wire).order(ByteOrder.LITTLE_ENDIAN).putInt(at, Integer.MAX_VALUE);
        assertThatThrownBy(() -> decode(new DetectionArrayPubSubType(), wire))
                .isInstanceOf(MalformedSampleException.class).hasMessageContaining("sequence length 2147483647");
    }

    @Test
    void aStringPastItsDeclaredBoundIsRefusedAlthoughTheBytesAreThere() {
        DetectionArray array = RobotSide.detections("robot_1", 80, "x".repeat(299), 1.0, 2.0, 0.5);
        // A Java sender refuses this; write it the way a careless peer would (the generated writer checks, so
        // build the bytes from a message within bounds and splice the long string in).
        byte[] within = WireSamples.sent(new DetectionArrayPubSubType(),
                RobotSide.detections("robot_1", 80, "MUG", 1.0, 2.0, 0.5));
        byte[] wire = spliceString(within, "MUG", "x".repeat(299));
        assertThat(array.getDetections().get(0).getClassIdAsString()).hasSize(299);
        assertThatThrownBy(() -> decode(new DetectionArrayPubSubType(), wire))
                .isInstanceOf(MalformedSampleException.class).hasMessageContaining("exceeds its bound");
    }

    @Test
    void handWrittenTypesRefuseLengthsPastTheirBounds() {
        LaserScanMessage scan = new LaserScanMessage();
        scan.ranges = new float[] {1, 2};
        byte[] wire = WireSamples.sent(new LaserScanType(), scan);
        ByteBuffer.wrap(wire).order(ByteOrder.LITTLE_ENDIAN).putInt(indexOfCount(wire, 2), LaserScanType.MAX_BEAMS + 1);
        assertThatThrownBy(() -> decode(new LaserScanType(), wire))
                .isInstanceOf(MalformedSampleException.class).hasMessageContaining("laser scan ranges of 8193");

        FleetPacketMessage packet = new FleetPacketMessage();
        packet.data = new byte[] {1, 2, 3};
        byte[] fleet = WireSamples.sent(new FleetPacketType(), packet);
        ByteBuffer.wrap(fleet).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -1);
        assertThatThrownBy(() -> decode(new FleetPacketType(), fleet))
                .isInstanceOf(MalformedSampleException.class).hasMessageContaining("fleet packet data of -1");
    }

    @Test
    void aSampleCutShortIsRefusedAndAWholeOneIsAccepted() throws Exception {
        DetectionArray array = RobotSide.detections("robot_1", 80, "mug", 1.0, 2.0, 0.5);
        byte[] wire = WireSamples.sent(new DetectionArrayPubSubType(), array);
        for (int cut : new int[] {0, 3, 4, 10, wire.length / 2, wire.length - 8}) {
            assertThatThrownBy(() -> decode(new DetectionArrayPubSubType(), Arrays.copyOf(wire, cut)))
                    .as("cut at %d", cut).isInstanceOf(MalformedSampleException.class);
        }
        DetectionArray decoded = decode(new DetectionArrayPubSubType(), wire);
        assertThat(decoded.getDetections().get(0).getClassIdAsString()).isEqualTo("mug");
        assertThat(decoded.getRobotAsString()).isEqualTo("robot_1");
    }

    private static <T> T decode(TopicDataType<T> type, byte[] wire) throws MalformedSampleException {
        T data = type.createData();
        new SampleDecoder<>(type).decode(WireSamples.received(type, wire), data);
        return data;
    }

    private static long allocatedWhile(Runnable action) {
        long id = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(id);
        action.run();
        return THREADS.getThreadAllocatedBytes(id) - before;
    }

    private interface Body {
        void write(ByteBuffer body);
    }

    private static byte[] littleEndianCdr(Body body) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0, 1, 0, 0}); // CDR_LE encapsulation
        body.write(b);
        return Arrays.copyOf(b.array(), b.position());
    }

    /** The last 4-aligned little-endian int equal to {@code count} (a sequence length in these samples). */
    private static int indexOfCount(byte[] wire, int count) {
        ByteBuffer b = ByteBuffer.wrap(wire).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = wire.length - 4; at >= 4; at--) {
            if ((at - 4) % 4 == 0 && b.getInt(at) == count) {
                return at;
            }
        }
        throw new AssertionError("no count " + count);
    }

    /** Replaces one CDR string (length + bytes + NUL) by another whose length differs by a multiple of 8. */
    private static byte[] spliceString(byte[] wire, String old, String replacement) {
        assertThat((replacement.length() - old.length()) % 8).as("keeps what follows aligned").isZero();
        int at = new String(wire, StandardCharsets.ISO_8859_1).indexOf(old + "\0") - 4;
        int oldEnd = at + 4 + old.length() + 1;
        ByteBuffer b = ByteBuffer.allocate(wire.length + replacement.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(wire, 0, at).putInt(replacement.length() + 1).put(replacement.getBytes(StandardCharsets.ISO_8859_1))
                .put((byte) 0).put(wire, oldEnd, wire.length - oldEnd);
        return Arrays.copyOf(b.array(), b.position());
    }
}
