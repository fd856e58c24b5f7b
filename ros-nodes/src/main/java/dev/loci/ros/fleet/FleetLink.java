package dev.loci.ros.fleet;

import dev.loci.runtime.fleet.Delta;
import dev.loci.runtime.fleet.FleetSync;
import dev.loci.runtime.fleet.FleetWire;
import dev.loci.runtime.fleet.VersionVector;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries one runtime's fleet memory over DDS. Every tick it publishes its own newly committed deltas on
 * {@value #DELTAS}; every {@code vectorEvery} ticks (and at once after a gap) its committed version vector on
 * {@value #VECTORS}, which is both its acknowledgement and its request; on a peer's vector it resends from its
 * durable log whatever that peer lacks (own and relayed deltas), so a delta is re-sent until the peer's
 * vector covers it. Transfers are paced: at most {@code maxPerTick} deltas per tick and direction.
 */
public final class FleetLink implements AutoCloseable {
    public static final String DELTAS = "/loci/fleet/deltas";
    public static final String VECTORS = "/loci/fleet/vectors";
    /**
     * Deltas: reliable, volatile, keep-all (keep-last drops bursts). Durability comes from the store's delta
     * log through anti-entropy, which survives restarts; a transient-local writer would keep every delta in RAM.
     */
    public static final RosQos DELTA_QOS = new RosQos(true, false, true, 1);
    /** Vectors: reliable + transient local, last one per runtime, so a joiner learns every peer's at once. */
    public static final RosQos VECTOR_QOS = RosQos.LATCHED;
    private static final Logger log = LoggerFactory.getLogger(FleetLink.class);

    /**
     * How the link paces itself and where it talks ({@code deltasTopic}, {@code vectorsTopic}: ROS names,
     * relative ones resolve against the node's namespace; every member of a fleet must use the same two).
     */
    public record Settings(Duration tick, int vectorEvery, int maxPerTick, String deltasTopic, String vectorsTopic) {
        public static final Settings DEFAULT = new Settings(Duration.ofMillis(100), 5, 500);

        public Settings {
            Require.present("tick", tick);
            if (tick.isNegative() || tick.isZero() || tick.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new InvalidValueException("fleet.tick", tick, "must be in (0, 60] seconds");
            }
            if (vectorEvery < 1 || vectorEvery > 1000) {
                throw new InvalidValueException("fleet.vector_every", vectorEvery, "must be in [1, 1000] ticks");
            }
            if (maxPerTick < 1 || maxPerTick > FleetSync.MAX_BATCH) {
                throw new InvalidValueException("fleet.max_per_tick", maxPerTick,
                        "must be in [1, " + FleetSync.MAX_BATCH + "]");
            }
            Require.text("fleet.deltas_topic", deltasTopic, 255);
            Require.text("fleet.vectors_topic", vectorsTopic, 255);
            if (deltasTopic.equals(vectorsTopic)) {
                throw new InvalidValueException("fleet.vectors_topic", vectorsTopic, "must differ from fleet.deltas_topic");
            }
        }

        /** On the default topics {@value FleetLink#DELTAS} and {@value FleetLink#VECTORS}. */
        public Settings(Duration tick, int vectorEvery, int maxPerTick) {
            this(tick, vectorEvery, maxPerTick, DELTAS, VECTORS);
        }
    }

    private final FleetSync sync;
    private final RobotId self;
    private final Settings settings;
    private final Predicate<Delta> dropOnReceive;
    private final FleetWire wire = new FleetWire();
    private final RosPublisher<FleetPacketMessage> deltas;
    private final RosPublisher<FleetPacketMessage> vectors;
    private final Map<RobotId, VersionVector> peerVectors = new ConcurrentHashMap<>();
    private final AtomicBoolean gapSeen = new AtomicBoolean(true);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong resent = new AtomicLong();
    private final ScheduledExecutorService loop;
    private long lastSent;
    private long ticks;

    /** A link without test hooks. */
    public static FleetLink start(RosNode node, FleetSync sync, Settings settings) {
        return new FleetLink(node, sync, settings, delta -> false);
    }

    /**
     * @param dropOnReceive for tests only: received deltas it accepts are thrown away, as a lossy network would
     */
    public FleetLink(RosNode node, FleetSync sync, Settings settings, Predicate<Delta> dropOnReceive) {
        this.sync = sync;
        this.self = sync.self();
        this.settings = settings;
        this.dropOnReceive = dropOnReceive;
        this.lastSent = sync.vector().join().get(self); // older own deltas reach peers through their vectors
        this.deltas = node.publisher(settings.deltasTopic(), new FleetPacketType(), DELTA_QOS);
        this.vectors = node.publisher(settings.vectorsTopic(), new FleetPacketType(), VECTOR_QOS);
        node.subscribe(settings.deltasTopic(), new FleetPacketType(), DELTA_QOS, this::onDeltas);
        node.subscribe(settings.vectorsTopic(), new FleetPacketType(), VECTOR_QOS, this::onVector);
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loci-fleet-link-" + self.name());
            t.setDaemon(true);
            return t;
        });
        long period = settings.tick().toMillis();
        loop.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    public long droppedByFilter() {
        return dropped.get();
    }

    public long malformedPackets() {
        return malformed.get();
    }

    public long deltasResent() {
        return resent.get();
    }

    private void tick() {
        try {
            List<Delta> own = sync.localDeltasAfter(lastSent, settings.maxPerTick()).get(10, TimeUnit.SECONDS);
            if (!own.isEmpty()) {
                publish(own);
                lastSent = own.get(own.size() - 1).seq();
            }
            for (RobotId peer : List.copyOf(peerVectors.keySet())) {
                VersionVector wants = peerVectors.remove(peer);
                if (wants != null) {
                    List<Delta> missing = sync.missingFor(wants, settings.maxPerTick()).get(10, TimeUnit.SECONDS);
                    if (!missing.isEmpty()) {
                        resent.addAndGet(missing.size());
                        publish(missing);
                    }
                }
            }
            if (++ticks % settings.vectorEvery() == 0 || gapSeen.getAndSet(false)) {
                send(vectors, wire.vectorPacket(self, sync.vector().get(10, TimeUnit.SECONDS)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) { // a store that is closing or refusing: try again next tick
            log.warn("fleet link tick failed: {}", e.toString());
        }
    }

    private void publish(List<Delta> batch) {
        for (byte[] packet : wire.packDeltas(self, batch)) {
            send(deltas, packet);
        }
    }

    private static void send(RosPublisher<FleetPacketMessage> publisher, byte[] packet) {
        FleetPacketMessage message = new FleetPacketMessage();
        message.data = packet;
        publisher.publish(message);
    }

    private void onDeltas(FleetPacketMessage message) {
        FleetWire.Packet packet = decode(message);
        if (packet == null || packet.sender().equals(self) || packet.isVector()) {
            return;
        }
        List<Delta> kept = packet.deltas().stream().filter(d -> {
            boolean drop = dropOnReceive.test(d);
            if (drop) {
                dropped.incrementAndGet();
            }
            return !drop;
        }).toList();
        if (!kept.isEmpty()) {
            sync.receive(kept).thenAccept(receipt -> {
                if (receipt.waiting() > 0) {
                    gapSeen.set(true); // ask for the gap with the next tick's vector rather than waiting for the timer
                }
            });
        }
    }

    private void onVector(FleetPacketMessage message) {
        FleetWire.Packet packet = decode(message);
        if (packet != null && !packet.sender().equals(self) && packet.isVector()) {
            peerVectors.put(packet.sender(), packet.vector());
        }
    }

    private FleetWire.Packet decode(FleetPacketMessage message) {
        try {
            return wire.decode(message.data);
        } catch (CorruptRecordException e) {
            long n = malformed.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                log.warn("malformed fleet packet dropped: {} [{} so far]", e.getMessage(), n);
            }
            return null;
        }
    }

    /** Stops the loop; the caller closes the node and then the runtime. */
    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
