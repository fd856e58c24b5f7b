package dev.loci.runtime.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.spatial.geometry.Vec3;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EventCodecTest extends CodecContractTest<Event> {

    @Override
    Codec<Event> codec() {
        return new EventCodec();
    }

    @Override
    List<Event> samples() {
        return Samples.events();
    }

    @Test
    void roundTripsPlaceObjectsAndAttributes() throws IOException {
        Event e = Samples.event(Samples.attributes(Map.of("skill", "pick")), Optional.of(new Vec3(1, 2, 0)),
                List.of(3L, 4L));

        Event decoded = decode(encode(e));

        assertThat(decoded).isEqualTo(e);
        assertThat(decoded.place()).contains(new Vec3(1, 2, 0));
        assertThat(decoded.objects()).containsExactly(3L, 4L);
        assertThat(decoded.type()).isEqualTo(EventType.TASK_FAILED);
    }

    @Test
    void roundTripsEveryEventType() throws IOException {
        for (EventType type : EventType.values()) {
            Event e = Event.of(Samples.ROBOT, Samples.TIME, type, "s", "d");
            assertThat(decode(encode(e))).isEqualTo(e);
        }
    }

    @Test
    void refusesAbsurdObjectCount() {
        byte[] bytes = encode(Samples.event(new TreeMap<>(), Optional.empty(), List.of(7L)));
        int count = bytes.length - 8 - 2;
        assertThat(bytes[count + 1]).isEqualTo((byte) 1);

        putShort(bytes, count, 60_000);
        assertCorrupt(bytes, "event objects count 60000 is outside [0, 64]");
        putShort(bytes, count, Event.MAX_OBJECTS + 1);
        assertCorrupt(bytes, "event objects count 65");
    }

    @Test
    void refusesAbsurdAttributeCount() {
        byte[] bytes = encode(Samples.event(Samples.attributes(Map.of("zz_marker", "v")), Optional.empty(), List.of()));
        int count = indexOf(bytes, utf("zz_marker")) - 2;

        putShort(bytes, count, 60_000);

        assertCorrupt(bytes, "attributes count 60000 is outside [0, 16]");
    }

    @Test
    void refusesUnknownTypeCodeNamingIt() {
        byte[] bytes = encode(Samples.event(new TreeMap<>(), Optional.empty(), List.of()));
        int type = indexOf(bytes, longBytes(Samples.TIME.nanos())) + 8;
        assertThat(bytes[type]).isEqualTo((byte) EventType.TASK_FAILED.code());

        bytes[type] = 99;
        assertCorrupt(bytes, "event does not decode: event type code is not one of");
        bytes[type] = 0;
        assertCorrupt(bytes, ": 0");
    }

    @Test
    void refusesObjectIdBelowOneAsCorrupt() {
        byte[] bytes = encode(Samples.event(new TreeMap<>(), Optional.empty(), List.of(7L)));
        System.arraycopy(longBytes(0), 0, bytes, bytes.length - 8, 8);

        assertCorrupt(bytes, "objects must hold object ids >= 1: 0");
    }
}
