package dev.loci.bench.peers;

import dev.loci.episodic.event.Event;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * SQLite as a competent embedded user would set it up: WAL with synchronous=NORMAL, transactions committed on the
 * same 50 ms cadence as Loci's group commit, prepared statements, an R*Tree over the objects (class as a fourth
 * dimension so "nearest of a class" is one index probe; exact coordinates as auxiliary columns so no join is
 * needed), B-tree indexes on time and class. k-nearest grows a search box until it holds k hits within its
 * radius. One thread drives it.
 */
final class SqlitePeer implements PeerStore {
    static final long COMMIT_INTERVAL_NANOS = 50_000_000L;
    /** Page cache per connection, KiB (SQLite's default is 2 MiB; a competent user raises it). */
    static final int CACHE_KIB = 65_536;
    private static final double KNN_START_RADIUS = 4.0;
    private static final double MAX_RADIUS = 1.0e5;

    private final Path file;
    private final double gate;
    private Connection db;
    private Statements sql;
    private SqliteTextIndex texts;
    private TextCorpus corpus;
    private final Map<String, Integer> classIds = new HashMap<>();
    private final List<CompletableFuture<Void>> uncommitted = new ArrayList<>();
    private long lastCommit = System.nanoTime();
    private long nextObjectId;
    private long nextObservationId;
    private long nextEventId;

    SqlitePeer(Path directory, double gate) {
        this.file = directory.resolve("memory.sqlite");
        this.gate = gate;
        open();
    }

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public CompletableFuture<Void> ingest(List<Observation> batch) {
        try {
            for (Observation o : batch) {
                fuse(o);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite ingest failed", e);
        }
        CompletableFuture<Void> ack = new CompletableFuture<>();
        uncommitted.add(ack);
        commitIfDue();
        return ack;
    }

    private void fuse(Observation o) throws SQLException {
        Vec3 seenAt = o.box().center();
        int classId = classId(o.label());
        List<FusedObject> candidates = new ArrayList<>(2);
        PreparedStatement box = sql.classBox;
        box.setInt(1, classId);
        box.setInt(2, classId);
        bindBox(box, 3, seenAt, gate);
        try (ResultSet rs = box.executeQuery()) {
            while (rs.next()) {
                candidates.add(new FusedObject(rs.getLong(1), o.label(), new Vec3(rs.getDouble(2), rs.getDouble(3),
                        rs.getDouble(4)), null, 0, 0));
            }
        }
        FusedObject match = FusedObject.nearestWithinGate(candidates, seenAt, gate);
        long observationId = nextObservationId++;
        FusedObject fused;
        if (match == null) {
            fused = FusedObject.first(nextObjectId++, o);
            insertObject(fused, classId, o, observationId);
        } else {
            fused = load(match.id(), o.label()).sighted(o);
            updateObject(fused, o, observationId);
        }
        insertObservation(observationId, o, fused.id());
    }

    private FusedObject load(long id, String label) throws SQLException {
        sql.loadObject.setLong(1, id);
        try (ResultSet rs = sql.loadObject.executeQuery()) {
            rs.next();
            return new FusedObject(id, label, new Vec3(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3)),
                    new Vec3(rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)), rs.getLong(7), rs.getDouble(8));
        }
    }

    private void insertObject(FusedObject f, int classId, Observation o, long observationId) throws SQLException {
        PreparedStatement s = sql.insertObject;
        s.setLong(1, f.id());
        s.setString(2, f.label());
        bindState(s, 3, f);
        s.setLong(11, o.time().nanos());
        s.setLong(12, o.time().nanos());
        s.setString(13, o.robot().name());
        s.setLong(14, observationId);
        s.executeUpdate();
        PreparedStatement r = sql.insertBox;
        r.setLong(1, f.id());
        r.setInt(2, classId);
        r.setInt(3, classId);
        bindPoint(r, 4, f.position());
        r.executeUpdate();
    }

    private void updateObject(FusedObject f, Observation o, long observationId) throws SQLException {
        PreparedStatement s = sql.updateObject;
        bindState(s, 1, f);
        s.setLong(9, o.time().nanos());
        s.setString(10, o.robot().name());
        s.setLong(11, observationId);
        s.setLong(12, f.id());
        s.executeUpdate();
        PreparedStatement r = sql.moveBox;
        bindPoint(r, 1, f.position());
        r.setLong(10, f.id());
        r.executeUpdate();
    }

    private void insertObservation(long id, Observation o, long objectId) throws SQLException {
        PreparedStatement s = sql.insertObservation;
        Vec3 c = o.box().center();
        Vec3 size = o.box().size();
        Pose pose = o.sensorPose();
        s.setLong(1, id);
        s.setString(2, o.robot().name());
        s.setLong(3, o.time().nanos());
        s.setString(4, o.sensor());
        s.setString(5, o.label());
        s.setDouble(6, c.x());
        s.setDouble(7, c.y());
        s.setDouble(8, c.z());
        s.setDouble(9, size.x());
        s.setDouble(10, size.y());
        s.setDouble(11, size.z());
        s.setDouble(12, o.confidence());
        s.setDouble(13, pose.position().x());
        s.setDouble(14, pose.position().y());
        s.setDouble(15, pose.position().z());
        s.setDouble(16, pose.orientation().w());
        s.setDouble(17, pose.orientation().x());
        s.setDouble(18, pose.orientation().y());
        s.setDouble(19, pose.orientation().z());
        s.setLong(20, objectId);
        s.executeUpdate();
    }

    /** Binds position (3), size (3), count and confidence from {@code at}. */
    private static void bindState(PreparedStatement s, int at, FusedObject f) throws SQLException {
        s.setDouble(at, f.position().x());
        s.setDouble(at + 1, f.position().y());
        s.setDouble(at + 2, f.position().z());
        s.setDouble(at + 3, f.size().x());
        s.setDouble(at + 4, f.size().y());
        s.setDouble(at + 5, f.size().z());
        s.setLong(at + 6, f.count());
        s.setDouble(at + 7, f.confidence());
    }

    /** Binds a point's box (min = max per axis) and its exact coordinates, 9 parameters from {@code at}. */
    private static void bindPoint(PreparedStatement s, int at, Vec3 p) throws SQLException {
        s.setDouble(at, p.x());
        s.setDouble(at + 1, p.x());
        s.setDouble(at + 2, p.y());
        s.setDouble(at + 3, p.y());
        s.setDouble(at + 4, p.z());
        s.setDouble(at + 5, p.z());
        s.setDouble(at + 6, p.x());
        s.setDouble(at + 7, p.y());
        s.setDouble(at + 8, p.z());
    }

    /** Binds the query box centre +- radius as (max_x >= lo, min_x <= hi) per axis, 6 parameters. */
    private static void bindBox(PreparedStatement s, int at, Vec3 c, double radius) throws SQLException {
        s.setDouble(at, c.x() - radius);
        s.setDouble(at + 1, c.x() + radius);
        s.setDouble(at + 2, c.y() - radius);
        s.setDouble(at + 3, c.y() + radius);
        s.setDouble(at + 4, c.z() - radius);
        s.setDouble(at + 5, c.z() + radius);
    }

    private int classId(String label) throws SQLException {
        Integer id = classIds.get(label);
        if (id == null) {
            id = classIds.size() + 1;
            sql.insertClass.setInt(1, id);
            sql.insertClass.setString(2, label);
            sql.insertClass.executeUpdate();
            classIds.put(label, id);
        }
        return id;
    }

    private void commitIfDue() {
        if (System.nanoTime() - lastCommit >= COMMIT_INTERVAL_NANOS) {
            commit();
        }
    }

    private void commit() {
        try {
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite commit failed", e);
        }
        lastCommit = System.nanoTime();
        uncommitted.forEach(ack -> ack.complete(null));
        uncommitted.clear();
    }

    @Override
    public void finish() {
        commit();
    }

    @Override
    public void record(List<Event> events) {
        try {
            PreparedStatement s = sql.insertEvent;
            for (Event e : events) {
                Vec3 place = e.place().orElse(Vec3.ZERO);
                s.setLong(1, nextEventId++);
                s.setString(2, e.robot().name());
                s.setLong(3, e.time().nanos());
                s.setString(4, e.type().name());
                s.setString(5, e.source());
                s.setString(6, e.description());
                s.setString(7, e.attributes().toString());
                s.setDouble(8, place.x());
                s.setDouble(9, place.y());
                s.setDouble(10, place.z());
                s.setString(11, e.objects().toString());
                s.executeUpdate();
                commitIfDue();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite event insert failed", e);
        }
    }

    @Override
    public long objectCount() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM objects")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Long> within(Vec3 center, double radius) {
        try {
            RankedIds hits = new RankedIds(center);
            bindBox(sql.anyBox, 1, center, radius);
            collect(sql.anyBox, hits, radius * radius);
            return hits.nearest(Integer.MAX_VALUE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Long> nearestOfClass(Vec3 center, String label, int k) {
        Integer classId = classIds.get(label);
        if (classId == null) {
            return List.of();
        }
        try {
            for (double radius = KNN_START_RADIUS; ; radius *= 2) {
                RankedIds hits = new RankedIds(center);
                sql.classBox.setInt(1, classId);
                sql.classBox.setInt(2, classId);
                bindBox(sql.classBox, 3, center, radius);
                collect(sql.classBox, hits, radius * radius);
                if (hits.size() >= k || radius >= MAX_RADIUS) {
                    return hits.nearest(k);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(PreparedStatement query, RankedIds hits, double radius2) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                hits.offer(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), radius2);
            }
        }
    }

    @Override
    public List<EventKey> eventWindow(RobotId robot, long fromNanos, long toNanos, int limit) {
        try {
            PreparedStatement s = sql.eventWindow;
            s.setString(1, robot.name());
            s.setLong(2, fromNanos);
            s.setLong(3, toNanos);
            s.setInt(4, limit);
            List<EventKey> keys = new ArrayList<>(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    // Read the whole row, as Loci decodes the whole event.
                    rs.getLong(1);
                    rs.getString(3);
                    rs.getString(4);
                    rs.getString(6);
                    rs.getDouble(7);
                    rs.getDouble(8);
                    rs.getDouble(9);
                    rs.getString(10);
                    keys.add(new EventKey(rs.getLong(2), rs.getString(5)));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, Long> indexTexts(TextCorpus shared) {
        this.corpus = shared;
        try {
            Map<String, Long> counts = texts.build(shared);
            commit();
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite text indexing failed", e);
        }
    }

    @Override
    public List<String> textSearch(String question, int k) {
        try {
            return texts.search(corpus.embedQuestion(question), k);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void reopen() {
        closeQuietly();
        open();
    }

    @Override
    public long bytesOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(file.getFileName().toString()))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Override
    public long memoryBytes() {
        return CACHE_KIB * 1024L;
    }

    @Override
    public String memoryNote() {
        return "SQLite's page cache limit (cache_size=-" + CACHE_KIB + " KiB, reached at this size); the OS page "
                + "cache holds the file as for Loci's mapped files";
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (!db.getAutoCommit()) {
                commit();
            }
            sql.close();
            texts.close();
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException("SQLite close failed", e);
        }
    }

    private void open() {
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA cache_size=-" + CACHE_KIB);
                s.execute("PRAGMA temp_store=MEMORY");
                s.execute("CREATE TABLE IF NOT EXISTS classes(id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)");
                s.execute("CREATE TABLE IF NOT EXISTS objects(id INTEGER PRIMARY KEY, label TEXT NOT NULL, "
                        + "x REAL, y REAL, z REAL, sx REAL, sy REAL, sz REAL, n INTEGER, confidence REAL, "
                        + "first_seen INTEGER, last_seen INTEGER, last_robot TEXT, last_observation INTEGER, "
                        + "version INTEGER NOT NULL DEFAULT 1)");
                s.execute("CREATE INDEX IF NOT EXISTS objects_by_class ON objects(label)");
                s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS object_boxes USING rtree(id, min_class, max_class, "
                        + "min_x, max_x, min_y, max_y, min_z, max_z, +x REAL, +y REAL, +z REAL)");
                s.execute("CREATE TABLE IF NOT EXISTS observations(id INTEGER PRIMARY KEY, robot TEXT, time INTEGER, "
                        + "sensor TEXT, label TEXT, cx REAL, cy REAL, cz REAL, sx REAL, sy REAL, sz REAL, "
                        + "confidence REAL, px REAL, py REAL, pz REAL, qw REAL, qx REAL, qy REAL, qz REAL, object_id INTEGER)");
                s.execute("CREATE INDEX IF NOT EXISTS observations_by_time ON observations(time)");
                s.execute("CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY, robot TEXT, time INTEGER, type TEXT, "
                        + "source TEXT, description TEXT, attributes TEXT, px REAL, py REAL, pz REAL, objects TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS events_by_robot_time ON events(robot, time)");
                s.execute("CREATE INDEX IF NOT EXISTS events_by_time ON events(time)");
                classIds.clear();
                try (ResultSet rs = s.executeQuery("SELECT id, label FROM classes")) {
                    while (rs.next()) {
                        classIds.put(rs.getString(2), rs.getInt(1));
                    }
                }
                nextObjectId = 1 + longOf(s, "SELECT coalesce(max(id), 0) FROM objects");
                nextObservationId = 1 + longOf(s, "SELECT coalesce(max(id), 0) FROM observations");
                nextEventId = 1 + longOf(s, "SELECT coalesce(max(id), 0) FROM events");
            }
            db.setAutoCommit(false);
            sql = new Statements(db);
            texts = new SqliteTextIndex(db);
            lastCommit = System.nanoTime();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot open SQLite at " + file, e));
        }
    }

    private static long longOf(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every statement this peer runs, prepared once per connection. */
    private static final class Statements implements AutoCloseable {
        final PreparedStatement insertClass;
        final PreparedStatement classBox;
        final PreparedStatement anyBox;
        final PreparedStatement loadObject;
        final PreparedStatement insertObject;
        final PreparedStatement updateObject;
        final PreparedStatement insertBox;
        final PreparedStatement moveBox;
        final PreparedStatement insertObservation;
        final PreparedStatement insertEvent;
        final PreparedStatement eventWindow;

        Statements(Connection db) throws SQLException {
            insertClass = db.prepareStatement("INSERT INTO classes(id, label) VALUES (?, ?)");
            classBox = db.prepareStatement("SELECT id, x, y, z FROM object_boxes WHERE min_class >= ? AND max_class <= ? "
                    + "AND max_x >= ? AND min_x <= ? AND max_y >= ? AND min_y <= ? AND max_z >= ? AND min_z <= ?");
            anyBox = db.prepareStatement("SELECT id, x, y, z FROM object_boxes "
                    + "WHERE max_x >= ? AND min_x <= ? AND max_y >= ? AND min_y <= ? AND max_z >= ? AND min_z <= ?");
            loadObject = db.prepareStatement("SELECT x, y, z, sx, sy, sz, n, confidence FROM objects WHERE id = ?");
            insertObject = db.prepareStatement("INSERT INTO objects(id, label, x, y, z, sx, sy, sz, n, confidence, "
                    + "first_seen, last_seen, last_robot, last_observation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            updateObject = db.prepareStatement("UPDATE objects SET x = ?, y = ?, z = ?, sx = ?, sy = ?, sz = ?, n = ?, "
                    + "confidence = ?, last_seen = ?, last_robot = ?, last_observation = ?, version = version + 1 WHERE id = ?");
            insertBox = db.prepareStatement("INSERT INTO object_boxes(id, min_class, max_class, min_x, max_x, min_y, max_y, "
                    + "min_z, max_z, x, y, z) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            moveBox = db.prepareStatement("UPDATE object_boxes SET min_x = ?, max_x = ?, min_y = ?, max_y = ?, "
                    + "min_z = ?, max_z = ?, x = ?, y = ?, z = ? WHERE id = ?");
            insertObservation = db.prepareStatement("INSERT INTO observations VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            insertEvent = db.prepareStatement("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            eventWindow = db.prepareStatement("SELECT id, time, type, source, description, attributes, px, py, pz, "
                    + "objects FROM events WHERE robot = ? AND time >= ? AND time <= ? ORDER BY time LIMIT ?");
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : List.of(insertClass, classBox, anyBox, loadObject, insertObject, updateObject,
                    insertBox, moveBox, insertObservation, insertEvent, eventWindow)) {
                s.close();
            }
        }
    }
}
