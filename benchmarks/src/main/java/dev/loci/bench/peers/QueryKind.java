package dev.loci.bench.peers;

/** The query workloads, each asked of every store with the same arguments. */
enum QueryKind {
    RADIUS("radius 2 m"),
    NEAREST_OF_CLASS("5 nearest of a class"),
    EVENT_WINDOW("time window, 100 events");

    static final double RADIUS_METRES = 2.0;
    static final int NEAREST = 5;
    static final int EVENTS_PER_WINDOW = 100;

    final String title;

    QueryKind(String title) {
        this.title = title;
    }

    /** Asks {@code store} the {@code i}-th question of this kind; the answer is comparable across stores. */
    Object ask(PeerStore store, PeerWorkload inputs, int i) {
        return switch (this) {
            case RADIUS -> store.within(inputs.point(i), RADIUS_METRES);
            case NEAREST_OF_CLASS -> store.nearestOfClass(inputs.point(i), inputs.label(i), NEAREST);
            case EVENT_WINDOW -> {
                PeerWorkload.Window w = inputs.window(i);
                yield store.eventWindow(w.robot(), w.fromNanos(), w.toNanos(), EVENTS_PER_WINDOW);
            }
        };
    }
}
