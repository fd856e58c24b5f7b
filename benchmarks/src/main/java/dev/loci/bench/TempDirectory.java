package dev.loci.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh directory under java.io.tmpdir for one store, deleted with everything in it. */
final class TempDirectory {
    private TempDirectory() {
    }

    static Path create(String purpose) throws IOException {
        return Files.createTempDirectory("loci-bench-" + purpose + "-");
    }

    static void delete(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
