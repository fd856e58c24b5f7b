package dev.loci.runtime.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.validation.InvalidValueException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RememberedObjectCodecTest extends CodecContractTest<RememberedObject> {

    @Override
    Codec<RememberedObject> codec() {
        return new RememberedObjectCodec();
    }

    @Override
    List<RememberedObject> samples() {
        return Samples.objects();
    }

    @Test
    void roundTripsEveryField() throws IOException {
        RememberedObject o = Samples.object(Samples.attributes(Map.of("color", "blue")));

        RememberedObject decoded = decode(encode(o));

        assertThat(decoded).isEqualTo(o);
        assertThat(decoded.firstSeen()).isEqualTo(Samples.FIRST);
        assertThat(decoded.lastSeen()).isEqualTo(Samples.LAST);
        assertThat(decoded.lastSeenAt()).isEqualTo(o.lastSeenAt());
        assertThat(decoded.version()).isEqualTo(17);
    }

    @Test
    void refusesAbsurdAttributeCount() {
        byte[] bytes = encode(Samples.object(Samples.attributes(Map.of("zz_marker", "v"))));
        int count = indexOf(bytes, utf("zz_marker")) - 2;

        putShort(bytes, count, 60_000);

        assertCorrupt(bytes, "attributes count 60000 is outside [0, 16]");
    }

    @Test
    void refusesVersionBelowOneAsCorrupt() {
        RememberedObject o = Samples.object(new TreeMap<>());
        byte[] bytes = encode(o);
        // After the version: status (1), misses (4), robots (2 + 2 x (2 + 7)), history (2 + 1 x 40), placed since (8).
        int version = bytes.length - 8 - 1 - 4 - 20 - 42 - 8;
        assertThat(bytes[version + 7]).isEqualTo((byte) 17);

        System.arraycopy(longBytes(0), 0, bytes, version, 8);

        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("object does not decode: version must be at least 1")
                .hasCauseInstanceOf(InvalidValueException.class);
    }
}
