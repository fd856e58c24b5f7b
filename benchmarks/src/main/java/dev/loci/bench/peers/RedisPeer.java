package dev.loci.bench.peers;

import dev.loci.episodic.event.Event;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Redis as a RoboOS-style shared memory: one hash per object, GEO sets for space (all objects, and one per
 * class), a sorted set of events per robot scored by time, raw observations appended to a list. Writes are
 * pipelined per batch; durability is the append-only file with fsync every second. Searches run as small Lua
 * scripts (one round trip): GEOSEARCH for candidates, then the exact coordinates from the object hashes, so the
 * client can keep exactly the objects within a 3D radius (GEO is 2D and quantised, see {@link GeoProjection}).
 * k-nearest widens its radius inside the script until it holds k objects.
 */
final class RedisPeer implements PeerStore {
    private static final String ALL = "geo:all";
    private static final String OBSERVATIONS = "observations";
    private static final String NEXT_OBJECT = "next_object_id";
    private static final int EVENT_PIPELINE = 1_000;
    private static final double KNN_START_RADIUS = 4.0;
    private static final double MAX_RADIUS = 1.0e5;
    private static final String SEPARATOR = "\u001f";

    /** KEYS[1] geo key; ARGV lon, lat, search metres, then hash fields: id followed by those fields per hit. */
    private static final String CANDIDATES = """
            local ids = redis.call('GEOSEARCH', KEYS[1], 'FROMLONLAT', ARGV[1], ARGV[2], 'BYRADIUS', ARGV[3], 'm')
            local out = {}
            for _, id in ipairs(ids) do
              out[#out + 1] = id
              local f = redis.call('HMGET', 'obj:' .. id, unpack(ARGV, 4))
              for _, v in ipairs(f) do out[#out + 1] = v end
            end
            return out
            """;

    /**
     * KEYS[1] geo key; ARGV lon, lat, x, y, z, k, start radius, scale, relative margin, absolute margin, max radius.
     * Returns id, x, y, z of every object within the final radius, which holds at least k of them.
     */
    private static final String NEAREST = """
            local x, y, z = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
            local k, r = tonumber(ARGV[6]), tonumber(ARGV[7])
            local scale, rel, abs, maxr = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10]), tonumber(ARGV[11])
            while true do
              local ids = redis.call('GEOSEARCH', KEYS[1], 'FROMLONLAT', ARGV[1], ARGV[2], 'BYRADIUS',
                  (r * (1 + rel) + abs) * scale, 'm')
              local out = {}
              local inside = 0
              for _, id in ipairs(ids) do
                local f = redis.call('HMGET', 'obj:' .. id, 'x', 'y', 'z')
                local dx, dy, dz = tonumber(f[1]) - x, tonumber(f[2]) - y, tonumber(f[3]) - z
                if dx * dx + dy * dy + dz * dz <= r * r then
                  inside = inside + 1
                  out[#out + 1] = id; out[#out + 1] = f[1]; out[#out + 1] = f[2]; out[#out + 1] = f[3]
                end
              end
              if inside >= k or r >= maxr then return out end
              r = r * 2
            end
            """;

    private final RedisServer server;
    private final double gate;
    private Jedis jedis;
    private String candidatesScript;
    private String nearestScript;
    private long nextObjectId;
    private long nextEventId;
    private TextCorpus corpus;

    RedisPeer(Path directory, double gate) throws IOException {
        this.server = RedisServer.start(directory);
        this.gate = gate;
        connect();
    }

    @Override
    public String name() {
        return "Redis";
    }

    @Override
    public CompletableFuture<Void> ingest(List<Observation> batch) {
        // Round trip 1: the fusion candidates of every observation, as the store holds them now.
        Pipeline reads = jedis.pipelined();
        List<Response<Object>> found = new ArrayList<>(batch.size());
        for (Observation o : batch) {
            Vec3 c = o.box().center();
            found.add(reads.evalsha(candidatesScript, List.of(classKey(o.label())), List.of(
                    Double.toString(GeoProjection.longitude(c.x())), Double.toString(GeoProjection.latitude(c.y())),
                    Double.toString(GeoProjection.searchMetres(gate)), "x", "y", "z", "sx", "sy", "sz", "n", "c")));
        }
        reads.sync();
        // Fuse in order; objects changed earlier in this batch are taken as they are now, not as stored.
        Map<Long, FusedObject> changed = new LinkedHashMap<>();
        Map<String, List<Long>> changedByClass = new HashMap<>();
        List<String> observationRecords = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Observation o = batch.get(i);
            Map<Long, FusedObject> candidates = new HashMap<>();
            List<Object> hits = asList(found.get(i).get());
            for (int h = 0; h < hits.size(); h += 9) {
                long id = Long.parseLong(text(hits.get(h)));
                candidates.put(id, new FusedObject(id, o.label(),
                        new Vec3(number(hits, h + 1), number(hits, h + 2), number(hits, h + 3)),
                        new Vec3(number(hits, h + 4), number(hits, h + 5), number(hits, h + 6)),
                        Long.parseLong(text(hits.get(h + 7))), number(hits, h + 8)));
            }
            for (long id : changedByClass.getOrDefault(o.label(), List.of())) {
                candidates.put(id, changed.get(id));
            }
            candidates.replaceAll((id, stored) -> changed.getOrDefault(id, stored));
            FusedObject match = FusedObject.nearestWithinGate(candidates.values(), o.box().center(), gate);
            FusedObject fused = match == null ? FusedObject.first(nextObjectId++, o) : match.sighted(o);
            if (match == null) {
                changedByClass.computeIfAbsent(o.label(), l -> new ArrayList<>()).add(fused.id());
            }
            changed.put(fused.id(), fused);
            observationRecords.add(encode(o, fused.id()));
        }
        // Round trip 2: every changed object once, the raw observations, the id counter.
        Pipeline writes = jedis.pipelined();
        Observation last = batch.get(batch.size() - 1);
        for (FusedObject f : changed.values()) {
            Map<String, String> fields = new HashMap<>();
            fields.put("label", f.label());
            fields.put("x", Double.toString(f.position().x()));
            fields.put("y", Double.toString(f.position().y()));
            fields.put("z", Double.toString(f.position().z()));
            fields.put("sx", Double.toString(f.size().x()));
            fields.put("sy", Double.toString(f.size().y()));
            fields.put("sz", Double.toString(f.size().z()));
            fields.put("n", Long.toString(f.count()));
            fields.put("c", Double.toString(f.confidence()));
            fields.put("last_seen", Long.toString(last.time().nanos()));
            writes.hset("obj:" + f.id(), fields);
            double lon = GeoProjection.longitude(f.position().x());
            double lat = GeoProjection.latitude(f.position().y());
            writes.geoadd(ALL, lon, lat, Long.toString(f.id()));
            writes.geoadd(classKey(f.label()), lon, lat, Long.toString(f.id()));
        }
        writes.rpush(OBSERVATIONS, observationRecords.toArray(String[]::new));
        writes.set(NEXT_OBJECT, Long.toString(nextObjectId));
        writes.sync();
        return CompletableFuture.completedFuture(null);
    }

    private static String encode(Observation o, long objectId) {
        Vec3 c = o.box().center();
        Vec3 s = o.box().size();
        var p = o.sensorPose();
        return String.join(SEPARATOR, o.robot().name(), Long.toString(o.time().nanos()), o.sensor(), o.label(),
                Double.toString(c.x()), Double.toString(c.y()), Double.toString(c.z()), Double.toString(s.x()),
                Double.toString(s.y()), Double.toString(s.z()), Double.toString(o.confidence()),
                Double.toString(p.position().x()), Double.toString(p.position().y()), Double.toString(p.position().z()),
                Double.toString(p.orientation().w()), Double.toString(p.orientation().z()), Long.toString(objectId));
    }

    @Override
    public void finish() {
        // Acknowledged writes reach the append-only file at once and the disk within a second (everysec).
        jedis.ping();
    }

    @Override
    public void record(List<Event> events) {
        Pipeline pipeline = jedis.pipelined();
        int queued = 0;
        for (Event e : events) {
            Vec3 place = e.place().orElse(Vec3.ZERO);
            String member = String.join(SEPARATOR, Long.toString(nextEventId++), Long.toString(e.time().nanos()),
                    e.type().name(), e.source(), e.description(), e.attributes().toString(),
                    place.x() + "," + place.y() + "," + place.z(), e.objects().toString());
            pipeline.zadd(eventsKey(e.robot()), e.time().nanos(), member);
            if (++queued == EVENT_PIPELINE) {
                pipeline.sync();
                queued = 0;
            }
        }
        pipeline.sync();
    }

    @Override
    public long objectCount() {
        return jedis.zcard(ALL);
    }

    @Override
    public List<Long> within(Vec3 center, double radius) {
        List<Object> hits = asList(jedis.evalsha(candidatesScript, List.of(ALL), List.of(
                Double.toString(GeoProjection.longitude(center.x())), Double.toString(GeoProjection.latitude(center.y())),
                Double.toString(GeoProjection.searchMetres(radius)), "x", "y", "z")));
        RankedIds ranked = new RankedIds(center);
        offerAll(hits, ranked, radius * radius);
        return ranked.nearest(Integer.MAX_VALUE);
    }

    @Override
    public List<Long> nearestOfClass(Vec3 center, String label, int k) {
        List<Object> hits = asList(jedis.evalsha(nearestScript, List.of(classKey(label)), List.of(
                Double.toString(GeoProjection.longitude(center.x())), Double.toString(GeoProjection.latitude(center.y())),
                Double.toString(center.x()), Double.toString(center.y()), Double.toString(center.z()),
                Integer.toString(k), Double.toString(KNN_START_RADIUS), Double.toString(GeoProjection.SCALE), "0.001",
                "0.01", Double.toString(MAX_RADIUS))));
        RankedIds ranked = new RankedIds(center);
        offerAll(hits, ranked, Double.MAX_VALUE);
        return ranked.nearest(k);
    }

    private static void offerAll(List<Object> hits, RankedIds ranked, double radius2) {
        for (int h = 0; h < hits.size(); h += 4) {
            ranked.offer(Long.parseLong(text(hits.get(h))), number(hits, h + 1), number(hits, h + 2),
                    number(hits, h + 3), radius2);
        }
    }

    @Override
    public List<EventKey> eventWindow(RobotId robot, long fromNanos, long toNanos, int limit) {
        List<String> members = jedis.zrangeByScore(eventsKey(robot), fromNanos, toNanos, 0, limit);
        List<EventKey> keys = new ArrayList<>(members.size());
        for (String member : members) {
            String[] fields = member.split(SEPARATOR, -1);
            keys.add(new EventKey(Long.parseLong(fields[1]), fields[4]));
        }
        return keys;
    }

    @Override
    public Map<String, Long> indexTexts(TextCorpus shared) {
        this.corpus = shared;
        List<String> itemTexts = new ArrayList<>();
        Pipeline p = jedis.pipelined();
        List<Response<String>> labels = new ArrayList<>();
        for (long id = 1; id < nextObjectId; id++) {
            labels.add(p.hget("obj:" + id, "label"));
        }
        p.sync();
        for (Response<String> label : labels) {
            if (label.get() != null) {
                itemTexts.add(TextCorpus.objectText(label.get()));
            }
        }
        for (String key : jedis.keys("events:*")) {
            for (String member : jedis.zrange(key, 0, -1)) {
                itemTexts.add(TextCorpus.eventText(member.split(SEPARATOR, -1)[4]));
            }
        }
        return new RedisTextIndex(jedis).build(itemTexts, shared);
    }

    @Override
    public List<String> textSearch(String question, int k) {
        return new RedisTextIndex(jedis).search(corpus.embedQuestion(question), k);
    }

    @Override
    public void reopen() throws IOException {
        jedis.close();
        server.restart();
        connect();
    }

    @Override
    public long bytesOnDisk() throws IOException {
        try (Stream<Path> files = Files.walk(server.directory())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("redis."))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Override
    public long memoryBytes() {
        for (String line : jedis.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory_rss:")) {
                return Long.parseLong(line.substring("used_memory_rss:".length()).trim());
            }
        }
        return -1;
    }

    @Override
    public String memoryNote() {
        return "redis-server's resident set (INFO used_memory_rss)";
    }

    @Override
    public long externalCpuNanos() {
        return server.cpuNanos();
    }

    @Override
    public void close() throws IOException {
        try {
            jedis.close();
        } finally {
            server.close();
        }
    }

    private void connect() {
        jedis = new Jedis("127.0.0.1", server.port(), 600_000);
        candidatesScript = jedis.scriptLoad(CANDIDATES);
        nearestScript = jedis.scriptLoad(NEAREST);
        String next = jedis.get(NEXT_OBJECT);
        nextObjectId = next == null ? 1 : Long.parseLong(next);
        nextEventId = 1;
        for (String key : jedis.keys("events:*")) {
            nextEventId += jedis.zcard(key);
        }
    }

    private static String classKey(String label) {
        return "geo:class:" + label;
    }

    private static String eventsKey(RobotId robot) {
        return "events:" + robot.name();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object reply) {
        return reply == null ? List.of() : (List<Object>) reply;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) value;
    }

    private static double number(List<Object> values, int index) {
        return Double.parseDouble(text(values.get(index)));
    }
}
