package dev.loci.runtime.semantic.index;

import dev.loci.spatial.embedding.Int8Vector;
import dev.loci.spatial.embedding.Int8Vectors;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every text vector of a memory (all robots) in one index: int8 vectors packed in slots, and beside them
 * columns of what filters look at (robot, time, position, label, kind). A search first turns the filter into a
 * bitset by scanning the columns (cheap compares), then scores only the set slots; so a fleet shares one index
 * and a robot's query never pays for one index per robot.
 *
 * <p>Two ways to score: exact (every candidate's int8 dot product) and, for large candidate sets, a sign-bit
 * sketch that keeps the candidates whose signs disagree least with the query's, each disagreement weighted by
 * the query's magnitude there ({@link SketchQuery}: popcounts over 6 longs per 384-dim vector), and rescores
 * only those exactly. From {@link #PARTITION_FROM} candidates on, the sketch itself is read only in the
 * clusters of similar sketches nearest the query ({@link SignPartitions}), fitted on a background executor the
 * first time a search finds the index large enough, and again each time it has doubled since. One writer (the
 * store's writer thread) adds and updates; any thread searches (a read-write lock).
 */
public final class VectorIndex {
    /** Below this many candidates the exact scan is cheap enough; above it the sketch pays. */
    public static final int SKETCH_FROM = 20_000;
    /**
     * Candidates the sketch passes on for exact rescoring, per result asked for. With the weighted sketch, 50
     * find 0.99 of the exact int8 top 10 on real MiniLM vectors (plain Hamming needed 200 for that).
     */
    public static final int RESCORE_PER_RESULT = 50;
    /** How many times the final budget the Hamming pass keeps for the weighted distance to rank. */
    static final int HAMMING_WIDENING = 8;
    /** From this many candidates on, a search reads the sketches of the nearest clusters only. */
    public static final int PARTITION_FROM = 50_000;
    /** Share of the candidates whose clusters a partitioned search reads (more if the budget needs more). */
    static final double PROBE_SHARE = 0.20;
    /** Items per cluster the partitions aim at, and the bounds on the number of clusters. */
    static final int ITEMS_PER_CLUSTER = 200;
    static final int MIN_CLUSTERS = 16;
    static final int MAX_CLUSTERS = 1_024;
    /** Most results one search returns. */
    public static final int MAX_K = 10_000;

    private final int dimensions;
    private final int sketchFrom;
    private final int rescorePerResult;
    private final int partitionFrom;
    private final Executor partitionTrainer;
    private final AtomicBoolean training = new AtomicBoolean();
    private final int words;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Int8Vectors vectors;
    private long[] signs = new long[0];
    private int[] robots = new int[16];
    private long[] times = new long[16];
    private float[] xs = new float[16];
    private float[] ys = new float[16];
    private float[] zs = new float[16];
    private boolean[] placed = new boolean[16];
    private int[] labels = new int[16];
    private byte[] kinds = new byte[16];
    private SemanticItem[] items = new SemanticItem[16];
    /**
     * The first slot holding the same int8 vector as this one (itself if none): many items share a text (a
     * thousand "mug"s), and the sketch counts such copies once, so they cannot fill its rescoring budget and
     * crowd out the distinct vectors. Approximate after a slot's vector is replaced (a copy may then count
     * as none), which only widens what gets rescored.
     */
    private int[] canonical = new int[16];
    /**
     * Slots whose vector was replaced after others were found to copy it: a copy's score is taken from its
     * canonical slot only while that slot still holds the vector they share.
     */
    private boolean[] rewritten = new boolean[16];
    /** Where {@link #touchScattered} leaves its sum, so the JIT keeps the reads (a racy write nobody reads). */
    @SuppressWarnings("unused")
    private int touched;
    /** Clusters of the sketches, once a search has asked for them (null before). */
    private SignPartitions partitions;
    private final Map<Integer, Integer> firstWithHash = new HashMap<>();
    private final Map<ItemKey, Integer> slots = new HashMap<>();
    private final Map<RobotId, Integer> robotCodes = new HashMap<>();
    private final Map<String, Integer> labelCodes = new HashMap<>();
    /** Per searching thread, the sketch's distance per slot: reused so a query allocates no 2 bytes per item. */
    private final ThreadLocal<short[]> scratch = ThreadLocal.withInitial(() -> new short[0]);
    /** Per searching thread, the scores of canonical slots computed in the current query (see {@link CopyScores}). */
    private final ThreadLocal<CopyScores> copyScores = ThreadLocal.withInitial(CopyScores::new);
    /** Per searching thread, what a partitioned search met (see {@link SignPartitions#probe}). */
    private final ThreadLocal<SignPartitions.Probed> probed = ThreadLocal.withInitial(SignPartitions.Probed::new);

    /** An index with the default settings, fitting its clusters on the thread of the search that asks for them. */
    public VectorIndex(int dimensions) {
        this(dimensions, SKETCH_FROM, RESCORE_PER_RESULT);
    }

    /** An index whose sketch starts at {@code sketchFrom} candidates and rescores {@code rescorePerResult * k}. */
    public VectorIndex(int dimensions, int sketchFrom, int rescorePerResult) {
        this(dimensions, sketchFrom, rescorePerResult, PARTITION_FROM, Runnable::run);
    }

    /**
     * As {@link #VectorIndex(int, int, int)}, reading only the nearest clusters' sketches from
     * {@code partitionFrom} candidates on; the clusters are fitted on {@code partitionTrainer} (a background
     * executor in a running memory, so no search waits for them; until they are ready searches read every
     * sketch).
     */
    public VectorIndex(int dimensions, int sketchFrom, int rescorePerResult, int partitionFrom,
                       Executor partitionTrainer) {
        if (rescorePerResult < 1) {
            throw new InvalidValueException("rescorePerResult", rescorePerResult, "must be positive");
        }
        this.sketchFrom = (int) Require.nonNegative("sketchFrom", sketchFrom);
        this.rescorePerResult = rescorePerResult;
        this.partitionFrom = (int) Require.nonNegative("partitionFrom", partitionFrom);
        this.partitionTrainer = Require.present("partitionTrainer", partitionTrainer);
        this.vectors = new Int8Vectors(dimensions);
        this.dimensions = dimensions;
        this.words = (dimensions + 63) >>> 6;
    }

    public int dimensions() {
        return dimensions;
    }

    public int size() {
        lock.readLock().lock();
        try {
            return vectors.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds the item, or replaces the text, vector and metadata of the item with the same key. */
    public void put(SemanticItem item, float[] vector) {
        if (vector == null || vector.length != dimensions) {
            throw new InvalidValueException("vector", vector == null ? null : vector.length + " dimensions",
                    "must have " + dimensions + " dimensions");
        }
        put(item, Int8Vector.quantize(vector));
    }

    /** As {@link #put(SemanticItem, float[])} with a vector already quantized (as stored). */
    public void put(SemanticItem item, Int8Vector quantized) {
        Require.present("item", item);
        if (quantized.dimensions() != dimensions) {
            throw new InvalidValueException("vector", quantized.dimensions() + " dimensions",
                    "must have " + dimensions + " dimensions");
        }
        lock.writeLock().lock();
        try {
            Integer existing = slots.get(item.key());
            int slot;
            if (existing == null) {
                slot = vectors.add(quantized);
                grow(slot + 1);
                slots.put(item.key(), slot);
            } else {
                slot = existing;
                rewritten[slot] = true;
                vectors.set(slot, quantized);
            }
            writeSigns(slot, quantized);
            if (partitions != null) {
                partitions.assign(slot, signs, slot * words);
            }
            writeCanonical(slot, quantized);
            writeMetadata(slot, item);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Moves an item in time and space (an object seen again) without touching its vector. */
    public boolean update(ItemKey key, RobotId robot, Timestamp time, Optional<Vec3> position) {
        lock.writeLock().lock();
        try {
            Integer slot = slots.get(key);
            if (slot == null) {
                return false;
            }
            SemanticItem old = items[slot];
            writeMetadata(slot, new SemanticItem(key, robot, time, position, old.label(), old.text()));
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean contains(ItemKey key) {
        lock.readLock().lock();
        try {
            return slots.containsKey(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<SemanticItem> item(ItemKey key) {
        lock.readLock().lock();
        try {
            Integer slot = slots.get(key);
            return slot == null ? Optional.empty() : Optional.of(items[slot]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The stored int8 vector of an item. */
    public Optional<Int8Vector> vector(ItemKey key) {
        lock.readLock().lock();
        try {
            Integer slot = slots.get(key);
            return slot == null ? Optional.empty() : Optional.of(vectors.get(slot));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Exact: the top {@code k} items the filter accepts, by int8 dot product with {@code query}. */
    public List<Hit> searchExact(float[] query, VectorFilter filter, int k) {
        return search(query, filter, k, false);
    }

    /**
     * The top {@code k} items the filter accepts: exact when fewer than the sketch threshold (default
     * {@link #SKETCH_FROM}) pass the filter, otherwise sketch-prefiltered (over the nearest clusters only from
     * {@link #PARTITION_FROM}) and exactly rescored; recall against float32 is measured in tests.
     */
    public List<Hit> search(float[] query, VectorFilter filter, int k) {
        return search(query, filter, k, true);
    }

    private List<Hit> search(float[] query, VectorFilter filter, int k, boolean sketchAllowed) {
        Require.present("filter", filter);
        checkK(k);
        if (query == null || query.length != dimensions) {
            throw new InvalidValueException("query", query == null ? null : query.length + " dimensions",
                    "must have " + dimensions + " dimensions");
        }
        Int8Vector q = Int8Vector.quantize(query);
        boolean wantsPartitions = false;
        lock.readLock().lock();
        try {
            int size = vectors.size();
            long[] candidates = candidates(filter, size);
            int count = 0;
            for (long word : candidates) {
                count += Long.bitCount(word);
            }
            int budget = k * rescorePerResult;
            if (sketchAllowed && count >= sketchFrom && count > budget) {
                if (count >= partitionFrom) {
                    wantsPartitions = partitions == null || size >= 2 * partitions.trainedSize();
                }
                candidates = partitions != null && count >= partitionFrom
                        ? probePartitions(q, query, candidates, count, budget)
                        : sketchPrefilter(query, candidates, size, budget);
                touchScattered(candidates);
            }
            TopK top = new TopK(k);
            score(q, candidates, size, top);
            float[] scores = new float[top.size()];
            int[] best = top.drainBestFirst(scores);
            List<Hit> hits = new ArrayList<>(best.length);
            for (int i = 0; i < best.length; i++) {
                hits.add(new Hit(items[best[i]], scores[i]));
            }
            return hits;
        } finally {
            lock.readLock().unlock();
            if (wantsPartitions && training.compareAndSet(false, true)) {
                startTraining();
            }
        }
    }

    private void startTraining() {
        try {
            partitionTrainer.execute(this::trainPartitions);
        } catch (RejectedExecutionException e) {
            training.set(false); // the owner is closing: searches go on reading every sketch
        }
    }

    /** Whether searches read only the nearest clusters' sketches yet (see {@link #PARTITION_FROM}). */
    public boolean partitioned() {
        lock.readLock().lock();
        try {
            return partitions != null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Fits clusters to a copy of the sketches taken under the read lock, outside any lock (writes and searches
     * go on), then installs them under the write lock after assigning what changed meanwhile: slots added since
     * the copy, and slots whose vector was replaced.
     */
    private void trainPartitions() {
        try {
            long[] copy;
            int copied;
            lock.readLock().lock();
            try {
                copied = vectors.size();
                copy = Arrays.copyOf(signs, copied * words);
            } finally {
                lock.readLock().unlock();
            }
            int clusters = Math.max(MIN_CLUSTERS, Math.min(MAX_CLUSTERS, copied / ITEMS_PER_CLUSTER));
            SignPartitions trained = SignPartitions.train(copy, copied, words, dimensions, clusters);
            lock.writeLock().lock();
            try {
                for (int slot = 0; slot < copied; slot++) {
                    int from = slot * words;
                    if (!Arrays.equals(copy, from, from + words, signs, from, from + words)) {
                        trained.assign(slot, signs, from);
                    }
                }
                for (int slot = copied; slot < vectors.size(); slot++) {
                    trained.assign(slot, signs, slot * words);
                }
                partitions = trained;
            } finally {
                lock.writeLock().unlock();
            }
        } finally {
            training.set(false);
        }
    }

    /** Refuses a result count outside [1, {@link #MAX_K}], naming it. */
    public static int checkK(int k) {
        if (k < 1 || k > MAX_K) {
            throw new InvalidValueException("k", k, "must be in [1, " + MAX_K + "]");
        }
        return k;
    }

    /** Scores the set slots; runs of full words are scored as contiguous ranges. */
    private void score(Int8Vector q, long[] candidates, int size, TopK top) {
        float[] block = new float[64];
        CopyScores memo = copyScores.get().startQuery(size);
        for (int w = 0; w < candidates.length; w++) {
            long word = candidates[w];
            if (word == 0) {
                continue;
            }
            int base = w << 6;
            if (word == -1L && base + 64 <= size && !holdsCopies(base)) {
                vectors.dotRange(q, base, base + 64, block);
                for (int i = 0; i < 64; i++) {
                    if (block[i] >= top.threshold()) {
                        top.offer(block[i], base + i);
                    }
                }
                continue;
            }
            while (word != 0) {
                int slot = base + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                int copyOf = canonical[slot];
                float s;
                if (copyOf == slot || rewritten[copyOf]) {
                    s = vectors.dot(slot, q);
                } else {
                    // A thousand items may share one text ("mug"): the sketch keeps them all, score the vector once.
                    s = memo.scoreOf(copyOf);
                    if (Float.isNaN(s)) {
                        s = memo.remember(copyOf, vectors.dot(copyOf, q));
                    }
                }
                if (s >= top.threshold()) {
                    top.offer(s, slot);
                }
            }
        }
    }

    /**
     * Brings the vectors the sketch kept (a few hundred, scattered) towards the cache before scoring them, so their
     * cache misses overlap instead of coming one after another ({@link Int8Vectors#touch}). Full words of
     * candidates are contiguous and prefetched by the hardware already.
     */
    private void touchScattered(long[] candidates) {
        int sum = 0;
        for (int w = 0; w < candidates.length; w++) {
            long word = candidates[w];
            if (word == -1L) {
                continue;
            }
            while (word != 0) {
                int slot = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (canonical[slot] == slot || rewritten[canonical[slot]]) { // copies are scored from their canonical
                    sum += vectors.touch(slot);
                }
            }
        }
        touched = sum;
    }

    /** Whether any of the 64 slots from {@code base} copies another slot's vector (then score it once). */
    private boolean holdsCopies(int base) {
        for (int slot = base; slot < base + 64; slot++) {
            if (canonical[slot] != slot) {
                return true;
            }
        }
        return false;
    }

    /** The filter as a bitset over slots, column by column. */
    private long[] candidates(VectorFilter filter, int size) {
        long[] bits = new long[(size + 63) >>> 6];
        Arrays.fill(bits, -1L);
        if ((size & 63) != 0) {
            bits[bits.length - 1] = (1L << size) - 1; // shifts are mod 64: the low (size % 64) bits
        }
        if (!filter.robots().isEmpty()) {
            boolean[] wanted = codesOf(filter.robots().stream().map(robotCodes::get).toList(), robotCodes.size());
            keep(bits, size, slot -> wanted[robots[slot]]);
        }
        long from = filter.from().nanos();
        long to = filter.to().nanos();
        if (from > 0 || to < Long.MAX_VALUE) {
            keep(bits, size, slot -> times[slot] >= from && times[slot] <= to);
        }
        if (filter.region().isPresent()) {
            Aabb r = filter.region().get();
            keep(bits, size, slot -> placed[slot] && xs[slot] >= r.min().x() && xs[slot] <= r.max().x()
                    && ys[slot] >= r.min().y() && ys[slot] <= r.max().y()
                    && zs[slot] >= r.min().z() && zs[slot] <= r.max().z());
        }
        if (!filter.labels().isEmpty()) {
            boolean[] wanted = codesOf(filter.labels().stream().map(labelCodes::get).toList(), labelCodes.size());
            keep(bits, size, slot -> wanted[labels[slot]]);
        }
        if (!filter.kinds().isEmpty()) {
            boolean[] wanted = new boolean[ItemKind.values().length + 1];
            filter.kinds().forEach(kind -> wanted[kind.code()] = true);
            keep(bits, size, slot -> wanted[kinds[slot]]);
        }
        return bits;
    }

    private interface SlotTest {
        boolean test(int slot);
    }

    private static void keep(long[] bits, int size, SlotTest test) {
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            long kept = 0;
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (test.test((w << 6) + bit)) {
                    kept |= 1L << bit;
                }
            }
            bits[w] = kept;
        }
    }

    private static boolean[] codesOf(List<Integer> codes, int known) {
        boolean[] wanted = new boolean[known];
        for (Integer code : codes) {
            if (code != null) { // a robot or label never indexed matches nothing
                wanted[code] = true;
            }
        }
        return wanted;
    }

    /**
     * Keeps the candidates whose sign bits differ least from the query's ({@link SketchQuery}), {@code keep}
     * distinct vectors of them (copies count once, see {@link #canonical}). Plain Hamming distance goes first,
     * over every candidate, keeping {@link #HAMMING_WIDENING} times as many: it costs a third of the weighted
     * distance, and what the weighted distance keeps lies well inside it. The weighted distance then ranks only
     * those.
     */
    private long[] sketchPrefilter(float[] query, long[] candidates, int size, int keep) {
        SketchQuery q = new SketchQuery(query);
        short[] distances = scratch.get();
        if (distances.length < size) {
            distances = new short[Math.max(size, distances.length * 2)];
            scratch.set(distances);
        }
        long[] near = nearest(q, false, candidates, distances, keep * HAMMING_WIDENING);
        return nearest(q, true, near, distances, keep);
    }

    /**
     * As {@link #sketchPrefilter}, over the candidates in the clusters nearest the query only: enough clusters to
     * hold {@link #PROBE_SHARE} of the candidates, or the widened budget if that is more. Both passes read the
     * clusters' contiguous copies of the sketches.
     */
    private long[] probePartitions(Int8Vector q, float[] query, long[] candidates, int count, int keep) {
        SignPartitions.Probed probed = this.probed.get();
        SketchQuery sketch = new SketchQuery(query);
        partitions.probe(q, sketch, candidates, Math.max((int) (count * PROBE_SHARE), keep * HAMMING_WIDENING),
                probed);
        int hammingCut = cutFor(distinctHistogram(probed, dimensions), keep * HAMMING_WIDENING);
        probed.retain(i -> probed.distance(i) <= hammingCut);
        // Copies of one vector ("mug" a thousand times) share their canonical slot's distance: computed once.
        CopyScores once = copyScores.get().startQuery(vectors.size());
        for (int i = 0; i < probed.size(); i++) {
            int slot = probed.slot(i);
            int copyOf = canonical[slot];
            float known = copyOf == slot || rewritten[copyOf] ? Float.NaN : once.scoreOf(copyOf);
            int d = Float.isNaN(known) ? partitions.weightedDistance(sketch, probed.cluster(i), probed.entry(i))
                    : (int) known;
            if (copyOf == slot) {
                once.remember(slot, d);
            }
            probed.setDistance(i, d);
        }
        int cut = cutFor(distinctHistogram(probed, SketchQuery.maxDistance(dimensions)), keep);
        long[] kept = new long[candidates.length];
        for (int i = 0; i < probed.size(); i++) {
            if (probed.distance(i) <= cut) {
                int slot = probed.slot(i);
                kept[slot >>> 6] |= 1L << slot;
            }
        }
        return kept;
    }

    /** How many distinct vectors (copies count once, see {@link #canonical}) the probe met at each distance. */
    private int[] distinctHistogram(SignPartitions.Probed probed, int maxDistance) {
        int[] histogram = new int[maxDistance + 1];
        for (int i = 0; i < probed.size(); i++) {
            if (canonical[probed.slot(i)] == probed.slot(i)) {
                histogram[probed.distance(i)]++;
            }
        }
        return histogram;
    }

    /** The smallest distance at or under which {@code keep} entries of the histogram lie (its last if none). */
    private static int cutFor(int[] histogram, int keep) {
        int cut = 0;
        for (int total = 0; cut < histogram.length - 1; cut++) {
            total += histogram[cut];
            if (total >= keep) {
                break;
            }
        }
        return cut;
    }

    /**
     * The candidates nearest the query, {@code keep} distinct vectors of them or more (ties at the cut stay): a
     * histogram of the distances gives the cut-off, so selection is two linear passes with no sorting.
     */
    private long[] nearest(SketchQuery q, boolean weighted, long[] candidates, short[] distances, int keep) {
        int[] histogram = new int[(weighted ? SketchQuery.maxDistance(dimensions) : dimensions) + 1];
        for (int w = 0; w < candidates.length; w++) {
            long word = candidates[w];
            int base = w << 6;
            if (word == -1L) { // all 64 slots are candidates (the common unfiltered case): a straight run
                for (int slot = base; slot < base + 64; slot++) {
                    int offset = slot * words;
                    int d = weighted ? q.distance(signs, offset) : q.hamming(signs, offset);
                    distances[slot] = (short) d;
                    if (canonical[slot] == slot) {
                        histogram[d]++;
                    }
                }
                continue;
            }
            while (word != 0) {
                int slot = base + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                int offset = slot * words;
                int d = weighted ? q.distance(signs, offset) : q.hamming(signs, offset);
                distances[slot] = (short) d;
                if (canonical[slot] == slot) {
                    histogram[d]++;
                }
            }
        }
        int cut = cutFor(histogram, keep);
        long[] kept = new long[candidates.length];
        for (int w = 0; w < candidates.length; w++) {
            long word = candidates[w];
            if (word == -1L) {
                int base = w << 6;
                long bits = 0;
                for (int i = 0; i < 64; i++) {
                    bits |= (distances[base + i] <= cut ? 1L : 0L) << i;
                }
                kept[w] = bits;
                continue;
            }
            while (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (distances[(w << 6) + bit] <= cut) {
                    kept[w] |= 1L << bit;
                }
            }
        }
        return kept;
    }

    private void writeCanonical(int slot, Int8Vector vector) {
        Integer first = firstWithHash.putIfAbsent(vector.hashCode(), slot);
        canonical[slot] = first != null && first != slot && vectors.get(first).equals(vector) ? first : slot;
    }

    /** Sign bits of the quantized vector, so an index rebuilt from storage has the same sketch. */
    private void writeSigns(int slot, Int8Vector vector) {
        int offset = slot * words;
        Arrays.fill(signs, offset, offset + words, 0L);
        for (int i = 0; i < dimensions; i++) {
            if (vector.get(i) > 0) {
                signs[offset + (i >>> 6)] |= 1L << i;
            }
        }
    }

    private void writeMetadata(int slot, SemanticItem item) {
        items[slot] = item;
        robots[slot] = robotCodes.computeIfAbsent(item.robot(), r -> robotCodes.size());
        times[slot] = item.time().nanos();
        placed[slot] = item.position().isPresent();
        Vec3 p = item.position().orElse(new Vec3(0, 0, 0));
        xs[slot] = (float) p.x();
        ys[slot] = (float) p.y();
        zs[slot] = (float) p.z();
        labels[slot] = labelCodes.computeIfAbsent(item.label(), l -> labelCodes.size());
        kinds[slot] = (byte) item.key().kind().code();
    }

    private void grow(int needed) {
        if (signs.length < needed * words) {
            signs = Arrays.copyOf(signs, Math.max(needed, items.length) * 2 * words);
        }
        if (needed <= items.length) {
            return;
        }
        int capacity = items.length * 2;
        robots = Arrays.copyOf(robots, capacity);
        times = Arrays.copyOf(times, capacity);
        xs = Arrays.copyOf(xs, capacity);
        ys = Arrays.copyOf(ys, capacity);
        zs = Arrays.copyOf(zs, capacity);
        placed = Arrays.copyOf(placed, capacity);
        labels = Arrays.copyOf(labels, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        canonical = Arrays.copyOf(canonical, capacity);
        rewritten = Arrays.copyOf(rewritten, capacity);
        items = Arrays.copyOf(items, capacity);
    }

    /**
     * Scores of canonical slots within one query, valid while their stamp is the query's: no clearing between
     * queries, and a copy's score is the very float its canonical slot got (the same int8 dot product).
     */
    private static final class CopyScores {
        private float[] scores = new float[0];
        private int[] stamps = new int[0];
        private int stamp;

        CopyScores startQuery(int size) {
            if (scores.length < size) {
                scores = new float[Math.max(size, scores.length * 2)];
                stamps = new int[scores.length];
                stamp = 0;
            }
            if (stamp == Integer.MAX_VALUE) { // after 2^31 queries: old stamps must not come back as current
                Arrays.fill(stamps, 0);
                stamp = 0;
            }
            stamp++;
            return this;
        }

        /** The score of {@code slot} in this query, or NaN if not yet computed. */
        float scoreOf(int slot) {
            return stamps[slot] == stamp ? scores[slot] : Float.NaN;
        }

        float remember(int slot, float score) {
            scores[slot] = score;
            stamps[slot] = stamp;
            return score;
        }
    }
}
