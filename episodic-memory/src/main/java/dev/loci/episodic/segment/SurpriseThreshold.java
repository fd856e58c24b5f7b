package dev.loci.episodic.segment;

/**
 * {@code max(floor, mean + gamma * std)} over the last {@code window} surprises of one robot (all of them,
 * boundaries included, as EM-LLM does with token surprise). Until two surprises are known only the floor holds.
 */
final class SurpriseThreshold {
    private final double[] recent;
    private final double gamma;
    private final double floor;
    private int count;
    private int next;

    SurpriseThreshold(int window, double gamma, double floor) {
        this.recent = new double[window];
        this.gamma = gamma;
        this.floor = floor;
    }

    double current() {
        if (count < 2) {
            return floor;
        }
        // Recomputed from the ring each time (window is small): no drift from running sums.
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += recent[i];
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double d = recent[i] - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / count);
        return Math.max(floor, mean + gamma * std);
    }

    void add(double surprise) {
        recent[next] = surprise;
        next = (next + 1) % recent.length;
        count = Math.min(count + 1, recent.length);
    }
}
