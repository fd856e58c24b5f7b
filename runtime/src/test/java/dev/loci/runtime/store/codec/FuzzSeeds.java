package dev.loci.runtime.store.codec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the seed corpus of {@link CodecFuzzTest}: the encodings of every contract test's samples. Run once
 * from the runtime module with the test classpath: {@code java -cp ... FuzzSeeds src/test/resources}.
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path inputs = Path.of(args[0], "dev/loci/runtime/store/codec/CodecFuzzTestInputs");
        Map<String, CodecContractTest<?>> tests = Map.of(
                "observation", new ObservationCodecTest(), "event", new EventCodecTest(),
                "frame", new FrameCodecTest(), "objectState", new ObjectStateCodecTest(),
                "profile", new ProfileCodecTest(), "rememberedObject", new RememberedObjectCodecTest());
        for (var entry : tests.entrySet()) {
            int selector = CodecFuzzTest.Target.valueOf(
                    entry.getKey().replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT)).ordinal();
            List<byte[]> encoded = encodeAll(entry.getValue());
            for (int i = 0; i < encoded.size(); i++) {
                byte[] bytes = encoded.get(i);
                if (bytes.length > 16_384) {
                    continue; // the maximal samples: the fuzzer's input size limit is 4 KiB by default
                }
                write(inputs.resolve(entry.getKey()).resolve("sample-" + i), bytes);
                byte[] withSelector = java.util.Arrays.copyOf(bytes, bytes.length + 1);
                withSelector[bytes.length] = (byte) selector; // FuzzedDataProvider takes the codec from the end
                write(inputs.resolve("anyCodec").resolve(entry.getKey() + "-" + i), withSelector);
            }
        }
    }

    private static <T> List<byte[]> encodeAll(CodecContractTest<T> test) {
        return test.samples().stream().map(test::encode).toList();
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
