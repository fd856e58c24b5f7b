package dev.loci.spatial.occupancy;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A 3D occupancy map: log-odds per voxel in lazily allocated 16^3 chunks, updated from range scans by ray
 * casting, persisted chunk by chunk into a map the caller hands in.
 *
 * <p><b>Updates.</b> {@link #integrate} casts every beam with {@link VoxelTraversal} (Amanatides-Woo): voxels
 * along the beam take a miss, the voxel holding the return takes a hit; a beam with no return, or returning
 * beyond max range, frees voxels up to max range and marks nothing occupied. Each voxel moves at most once per
 * scan and a hit wins over a miss, as in OctoMap: otherwise the many beams grazing a wall at a shallow angle
 * would erase the wall that the one beam hitting it just marked. Log-odds are clamped so the map can change
 * its mind within a few scans.
 *
 * <p><b>Decay.</b> With {@link OccupancySettings#decayPerSecond()} above 0 every voxel drifts toward even odds
 * and becomes unknown once it gets there. Decay is applied lazily: a chunk records up to when it has been
 * decayed; a write first brings the chunk up to the latest scan time, and reads compute the pending decay on
 * the fly, so nothing runs over idle parts of the map.
 *
 * <p><b>Persistence.</b> Keys are packed chunk coordinates ({@link ChunkKeys}) plus one header key; values
 * start with a format version byte ({@link ChunkCodec}, {@link MapHeader}). {@link #writeDirtyChunks()} writes
 * only chunks changed since the last call; the caller calls it before committing its store. {@link #open}
 * reads the header and the chunk keys only; a chunk is decoded on first access, so reopening is fast.
 *
 * <p>Not thread-safe: the owner (the runtime's single writer) guards it.
 */
public final class VoxelMap {
    /** Coordinates are refused beyond +-100 km: voxel indices then fit an int and chunk indices 21 bits. */
    public static final double MAX_COORDINATE = 100_000;
    private static final byte[] PERCENT = new byte[256];

    static {
        for (int stored = Byte.MIN_VALUE; stored <= Byte.MAX_VALUE; stored++) {
            PERCENT[stored - Byte.MIN_VALUE] = (byte) LogOdds.percent((byte) stored);
        }
    }

    private final NavigableMap<Long, byte[]> store;
    private final OccupancySettings settings;
    private final double resolution;
    private final double inverseResolution;
    private final int hitSteps;
    private final int missSteps;
    private final int minSteps;
    private final int maxSteps;
    private final double decayStepsPerNano;
    private final ChunkTable chunks = new ChunkTable();
    private final List<Chunk> dirty = new ArrayList<>();
    private final List<Chunk> touchedInScan = new ArrayList<>();
    private final FreeMarker freeMarker = new FreeMarker();
    private final byte[] columnMax = new byte[Chunk.SLICE];
    private long latestNanos;
    private boolean headerDirty;
    private long scanStamp;
    private Chunk lastChunk;
    private int occupiedUpdates;

    private VoxelMap(NavigableMap<Long, byte[]> store, OccupancySettings settings) {
        this.store = store;
        this.settings = settings;
        this.resolution = settings.resolution();
        this.inverseResolution = 1 / resolution;
        this.hitSteps = settings.hitSteps();
        this.missSteps = settings.missSteps();
        this.minSteps = settings.minSteps();
        this.maxSteps = settings.maxSteps();
        this.decayStepsPerNano = settings.decayPerSecond() / LogOdds.STEP / 1e9;
    }

    /**
     * Opens the map kept in {@code store} (a map of its own: keys are this class's), or starts an empty one
     * if the store is empty. Refuses a store written at another resolution.
     */
    public static VoxelMap open(NavigableMap<Long, byte[]> store, OccupancySettings settings) {
        Require.present("store", store);
        Require.present("settings", settings);
        VoxelMap map = new VoxelMap(store, settings);
        byte[] stored = store.get(ChunkKeys.HEADER);
        if (stored == null) {
            if (!store.isEmpty()) {
                throw new IllegalStateException("store holds " + store.size() + " entries but no voxel map header");
            }
            map.headerDirty = true;
            return map;
        }
        MapHeader header = MapHeader.decode(stored);
        if (header.resolution() != settings.resolution()) {
            throw new InvalidValueException("occupancy.resolution", settings.resolution(),
                    "does not match the stored map's " + header.resolution());
        }
        if (header.chunkShift() != Chunk.SHIFT || header.logOddsStep() != LogOdds.STEP) {
            throw new IllegalStateException("stored voxel map has chunk shift " + header.chunkShift()
                    + " and log-odds step " + header.logOddsStep() + "; this build reads " + Chunk.SHIFT + " and "
                    + LogOdds.STEP);
        }
        map.latestNanos = header.latestNanos();
        for (Long key : store.tailMap(0L, true).keySet()) {
            map.chunks.put(new Chunk(key, ChunkKeys.x(key), ChunkKeys.y(key), ChunkKeys.z(key)));
        }
        return map;
    }

    public OccupancySettings settings() {
        return settings;
    }

    public double resolution() {
        return resolution;
    }

    /** Time of the latest scan (or {@link #advanceClock} call): decay is computed up to here. */
    public Timestamp latestTime() {
        return Timestamp.ofNanos(latestNanos);
    }

    public int chunkCount() {
        return chunks.size();
    }

    /** Chunks changed since the last {@link #writeDirtyChunks()}. */
    public int dirtyChunkCount() {
        return dirty.size();
    }

    /** Moves the map's clock forward without a scan, so that reads see the decay of the time passed. */
    public void advanceClock(Timestamp time) {
        Require.present("time", time);
        requireNotBefore("time", time);
        if (time.nanos() != latestNanos) {
            latestNanos = time.nanos();
            headerDirty = true;
        }
    }

    /** Integrates one scan: free along each beam, occupied at each return within max range. */
    public ScanResult integrate(RangeScan scan) {
        Require.present("scan", scan);
        requireNotBefore("scan.time", scan.time());
        advanceClock(scan.time());
        scanStamp++;
        touchedInScan.clear();
        occupiedUpdates = 0;
        freeMarker.updates = 0;

        double[] beams = scan.rawBeams();
        boolean[] returned = scan.rawReturned();
        double ox = scan.originX();
        double oy = scan.originY();
        double oz = scan.originZ();
        double maxRange = settings.maxRange();
        // Hits first, so that a voxel both hit and passed through in this scan stays a hit.
        for (int i = 0; i < returned.length; i++) {
            if (returned[i]) {
                double ex = beams[3 * i];
                double ey = beams[3 * i + 1];
                double ez = beams[3 * i + 2];
                double range = distance(ox, oy, oz, ex, ey, ez);
                if (range > 0 && range <= maxRange && update(voxel(ex), voxel(ey), voxel(ez), hitSteps)) {
                    occupiedUpdates++;
                }
            }
        }
        double sx = ox * inverseResolution;
        double sy = oy * inverseResolution;
        double sz = oz * inverseResolution;
        for (int i = 0; i < returned.length; i++) {
            double bx = beams[3 * i];
            double by = beams[3 * i + 1];
            double bz = beams[3 * i + 2];
            if (returned[i]) {
                double range = distance(ox, oy, oz, bx, by, bz);
                if (range == 0) {
                    continue;
                }
                if (range <= maxRange) {
                    VoxelTraversal.traverse(sx, sy, sz, bx * inverseResolution, by * inverseResolution,
                            bz * inverseResolution, false, freeMarker);
                    continue;
                }
                double scale = maxRange / range;
                bx = (bx - ox) * scale;
                by = (by - oy) * scale;
                bz = (bz - oz) * scale;
            } else {
                bx *= maxRange;
                by *= maxRange;
                bz *= maxRange;
            }
            VoxelTraversal.traverse(sx, sy, sz, (ox + bx) * inverseResolution, (oy + by) * inverseResolution,
                    (oz + bz) * inverseResolution, true, freeMarker);
        }
        return new ScanResult(scan.scanId(), scan.time(), returned.length, occupiedUpdates, freeMarker.updates,
                touchedTiles());
    }

    /** Occupancy probability of the voxel holding {@code p}; empty when unknown. */
    public OptionalDouble probabilityAt(Vec3 p) {
        byte stored = read(p);
        return stored == LogOdds.UNKNOWN ? OptionalDouble.empty() : OptionalDouble.of(LogOdds.probability(stored));
    }

    /** Log-odds (nats) of the voxel holding {@code p}, as quantized; empty when unknown. */
    public OptionalDouble logOddsAt(Vec3 p) {
        byte stored = read(p);
        return stored == LogOdds.UNKNOWN ? OptionalDouble.empty() : OptionalDouble.of(stored * LogOdds.STEP);
    }

    public VoxelState stateAt(Vec3 p) {
        byte stored = read(p);
        return stored == LogOdds.UNKNOWN ? VoxelState.UNKNOWN : stored > 0 ? VoxelState.OCCUPIED : VoxelState.FREE;
    }

    /**
     * Writes every chunk changed since the last call (and the header if the clock moved) into the store.
     * Returns the number of chunks written.
     */
    public int writeDirtyChunks() {
        int written = 0;
        for (Chunk chunk : dirty) {
            store.put(chunk.key, ChunkCodec.encode(chunk));
            chunk.dirty = false;
            written++;
        }
        dirty.clear();
        if (headerDirty) {
            store.put(ChunkKeys.HEADER, new MapHeader(resolution, Chunk.SHIFT, LogOdds.STEP, latestNanos).encode());
            headerDirty = false;
        }
        return written;
    }

    /**
     * The 2D projection of {@code band} over every tile holding voxels in it: per column the highest occupancy
     * of the voxels overlapping the band, -1 only where all of them are unknown.
     */
    public OccupancyGrid project(ZBand band) {
        Map<Long, GridTile> tiles = tilesInBand(band);
        if (tiles.isEmpty()) {
            return OccupancyGrid.unknown(resolution, 0, 0, 0, 0);
        }
        int minTx = Integer.MAX_VALUE;
        int minTy = Integer.MAX_VALUE;
        int maxTx = Integer.MIN_VALUE;
        int maxTy = Integer.MIN_VALUE;
        for (GridTile tile : tiles.values()) {
            minTx = Math.min(minTx, tile.tx());
            minTy = Math.min(minTy, tile.ty());
            maxTx = Math.max(maxTx, tile.tx());
            maxTy = Math.max(maxTy, tile.ty());
        }
        int width = Math.multiplyExact(maxTx - minTx + 1, GridTile.SIZE);
        int height = Math.multiplyExact(maxTy - minTy + 1, GridTile.SIZE);
        byte[] data = new byte[Math.multiplyExact(width, height)];
        Arrays.fill(data, OccupancyGrid.UNKNOWN);
        byte[] values = new byte[Chunk.SLICE];
        for (GridTile tile : tiles.values()) {
            projectTile(band, tile, values);
            int col0 = (tile.tx() - minTx) * GridTile.SIZE;
            int row0 = (tile.ty() - minTy) * GridTile.SIZE;
            for (int ly = 0; ly < GridTile.SIZE; ly++) {
                System.arraycopy(values, ly * GridTile.SIZE, data, (row0 + ly) * width + col0, GridTile.SIZE);
            }
        }
        return new OccupancyGrid(resolution, width, height, minTx * GridTile.SIZE * resolution,
                minTy * GridTile.SIZE * resolution, data);
    }

    /**
     * Fills {@code out[ly * 16 + lx]} with the projected value of global cell
     * {@code (tile.firstCellX() + lx, tile.firstCellY() + ly)} over {@code band}.
     */
    public void projectTile(ZBand band, GridTile tile, byte[] out) {
        Require.present("band", band);
        Require.present("tile", tile);
        if (out.length < Chunk.SLICE) {
            throw new InvalidValueException("out", out.length + " bytes", "must hold " + Chunk.SLICE + " cells");
        }
        int vz0 = voxel(band.zMin());
        int vz1 = voxel(band.zMax());
        // Unknown is the lowest byte, so a plain max over slices keeps "unknown only if all unknown".
        Arrays.fill(columnMax, LogOdds.UNKNOWN);
        for (int cz = vz0 >> Chunk.SHIFT; cz <= vz1 >> Chunk.SHIFT; cz++) {
            Chunk chunk = chunks.get(ChunkKeys.pack(tile.tx(), tile.ty(), cz));
            if (chunk == null) {
                continue;
            }
            ensureLoaded(chunk);
            long decay = pendingDecaySteps(chunk);
            int lz0 = Math.max(vz0 - cz * Chunk.SIZE, 0);
            int lz1 = Math.min(vz1 - cz * Chunk.SIZE, Chunk.MASK);
            byte[] voxels = chunk.voxels;
            for (int lz = lz0; lz <= lz1; lz++) {
                int base = lz * Chunk.SLICE;
                for (int i = 0; i < Chunk.SLICE; i++) {
                    byte v = voxels[base + i];
                    if (decay > 0) {
                        v = LogOdds.decayed(v, decay);
                    }
                    if (v > columnMax[i]) {
                        columnMax[i] = v;
                    }
                }
            }
        }
        for (int i = 0; i < Chunk.SLICE; i++) {
            out[i] = PERCENT[columnMax[i] - Byte.MIN_VALUE];
        }
    }

    /** Every tile that holds at least one chunk overlapping {@code band}. */
    public List<GridTile> tiles(ZBand band) {
        return new ArrayList<>(tilesInBand(band).values());
    }

    private Map<Long, GridTile> tilesInBand(ZBand band) {
        Require.present("band", band);
        int cz0 = voxel(band.zMin()) >> Chunk.SHIFT;
        int cz1 = voxel(band.zMax()) >> Chunk.SHIFT;
        Map<Long, GridTile> tiles = new LinkedHashMap<>();
        chunks.forEach(chunk -> {
            if (chunk.cz >= cz0 && chunk.cz <= cz1) {
                GridTile tile = new GridTile(chunk.cx, chunk.cy);
                tiles.putIfAbsent(tile.key(), tile);
            }
        });
        return tiles;
    }

    private List<GridTile> touchedTiles() {
        Set<Long> seen = new HashSet<>();
        List<GridTile> tiles = new ArrayList<>();
        for (Chunk chunk : touchedInScan) {
            GridTile tile = new GridTile(chunk.cx, chunk.cy);
            if (seen.add(tile.key())) {
                tiles.add(tile);
            }
        }
        return tiles;
    }

    /** Applies {@code delta} steps to a voxel not yet updated in this scan; false if it already was. */
    private boolean update(int vx, int vy, int vz, int delta) {
        Chunk chunk = chunkForUpdate(vx >> Chunk.SHIFT, vy >> Chunk.SHIFT, vz >> Chunk.SHIFT);
        int index = Chunk.index(vx & Chunk.MASK, vy & Chunk.MASK, vz & Chunk.MASK);
        if (!chunk.markTouched(index)) {
            return false;
        }
        byte old = chunk.voxels[index];
        int base = old == LogOdds.UNKNOWN ? 0 : old;
        int next = Math.max(minSteps, Math.min(maxSteps, base + delta));
        if (next != old) {
            chunk.voxels[index] = (byte) next;
            markDirty(chunk);
        }
        return true;
    }

    private Chunk chunkForUpdate(int cx, int cy, int cz) {
        Chunk chunk = lastChunk;
        if (chunk == null || chunk.cx != cx || chunk.cy != cy || chunk.cz != cz) {
            long key = ChunkKeys.pack(cx, cy, cz);
            chunk = chunks.get(key);
            if (chunk == null) {
                chunk = Chunk.unknown(key, cx, cy, cz, latestNanos);
                chunks.put(chunk);
            } else {
                ensureLoaded(chunk);
            }
            lastChunk = chunk;
        }
        if (chunk.beginScan(scanStamp)) {
            decayToLatest(chunk);
            touchedInScan.add(chunk);
        }
        return chunk;
    }

    private void decayToLatest(Chunk chunk) {
        long steps = pendingDecaySteps(chunk);
        if (steps == 0) {
            if (decayStepsPerNano == 0) {
                // Keeps the clock fresh so that decay turned on at a later reopen starts from the last update.
                chunk.decayedAtNanos = latestNanos;
            }
            return;
        }
        byte[] voxels = chunk.voxels;
        boolean changed = false;
        for (int i = 0; i < voxels.length; i++) {
            byte decayed = LogOdds.decayed(voxels[i], steps);
            if (decayed != voxels[i]) {
                voxels[i] = decayed;
                changed = true;
            }
        }
        // Advance only by the time the whole steps used up, so fractions carry over to the next write.
        chunk.decayedAtNanos = steps >= 2 * LogOdds.MAX_STEPS ? latestNanos
                : chunk.decayedAtNanos + Math.round(steps / decayStepsPerNano);
        if (changed) {
            markDirty(chunk);
        }
    }

    private long pendingDecaySteps(Chunk chunk) {
        if (decayStepsPerNano == 0) {
            return 0;
        }
        long elapsed = latestNanos - chunk.decayedAtNanos;
        if (elapsed <= 0) {
            return 0;
        }
        double steps = elapsed * decayStepsPerNano;
        return steps >= 2 * LogOdds.MAX_STEPS ? 2 * LogOdds.MAX_STEPS : (long) steps;
    }

    private byte read(Vec3 p) {
        Require.present("point", p);
        int vx = voxel(Require.inRange("point.x", p.x(), -MAX_COORDINATE, MAX_COORDINATE));
        int vy = voxel(Require.inRange("point.y", p.y(), -MAX_COORDINATE, MAX_COORDINATE));
        int vz = voxel(Require.inRange("point.z", p.z(), -MAX_COORDINATE, MAX_COORDINATE));
        Chunk chunk = chunks.get(ChunkKeys.pack(vx >> Chunk.SHIFT, vy >> Chunk.SHIFT, vz >> Chunk.SHIFT));
        if (chunk == null) {
            return LogOdds.UNKNOWN;
        }
        ensureLoaded(chunk);
        byte stored = chunk.voxels[Chunk.index(vx & Chunk.MASK, vy & Chunk.MASK, vz & Chunk.MASK)];
        return LogOdds.decayed(stored, pendingDecaySteps(chunk));
    }

    private void ensureLoaded(Chunk chunk) {
        if (!chunk.isLoaded()) {
            byte[] stored = store.get(chunk.key);
            if (stored == null) {
                throw new IllegalStateException("voxel chunk " + chunk.key + " vanished from the store");
            }
            ChunkCodec.decode(stored, chunk);
        }
    }

    private void markDirty(Chunk chunk) {
        if (!chunk.dirty) {
            chunk.dirty = true;
            dirty.add(chunk);
        }
    }

    private void requireNotBefore(String field, Timestamp time) {
        if (time.nanos() < latestNanos) {
            throw new InvalidValueException(field, time.nanos() + " ns",
                    "is before the map's latest time " + latestNanos + " ns");
        }
    }

    private int voxel(double coordinate) {
        return (int) Math.floor(coordinate * inverseResolution);
    }

    private static double distance(double ax, double ay, double az, double bx, double by, double bz) {
        double dx = bx - ax;
        double dy = by - ay;
        double dz = bz - az;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** The miss update for voxels a beam passes through; a field so that casting allocates nothing. */
    private final class FreeMarker implements VoxelTraversal.Visitor {
        int updates;

        @Override
        public void visit(int x, int y, int z) {
            if (update(x, y, z, missSteps)) {
                updates++;
            }
        }
    }
}
