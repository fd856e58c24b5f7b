package dev.loci.bench.peers;

/** What identifies an event in an answer: its time (unique per robot) and what it says. */
record EventKey(long timeNanos, String description) {
}
