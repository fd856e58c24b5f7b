package dev.loci.bench.peers;

import java.io.IOException;
import java.nio.file.Path;

/** The stores the harness can compare. */
enum StoreKind {
    LOCI, SQLITE, REDIS;

    PeerStore open(Path directory, double gate) throws IOException {
        return switch (this) {
            case LOCI -> new LociPeer(directory);
            case SQLITE -> new SqlitePeer(directory, gate);
            case REDIS -> new RedisPeer(directory, gate);
        };
    }
}
