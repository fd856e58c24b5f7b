package dev.loci.episodic.chunk;

import java.util.Arrays;
import java.util.List;

/**
 * What level 3 of a hierarchical recall reads of a session, one contiguous record per session in one int array
 * per robot, in the order sessions closed: for each of its keys where the key's record starts, then each key's
 * episodes with their chunk ids, and for an objects-seen key each episode's labels.
 *
 * <p>Why: level 3 visits ~9,400 chosen keys of ~2,200 sessions per question at 1M events, and each key cost a
 * chain of cache misses through separate arrays (the session's member arrays, its key's members, its group
 * starts, its episode ids; and for an objects-seen key each member's list slot, node and label array). Here a
 * chosen key is one short run next to its session's other keys. The values are those the separate arrays held,
 * so the scores are the same, bit for bit.
 *
 * <p>Record of a session at {@code at}: {@code data[at + k]} is where key k's record starts, relative to
 * {@code at}. A task key's record: its episode count n, where its episodes start in the robot's grouped episode
 * store, then per episode (position in the session, chunk id high and low int). An objects-seen key's record: n,
 * then per episode (position, id high, id low, label count, labels).
 */
final class GroupRecords {
    /** Ints per episode of a task key's record (position, id high, id low). */
    static final int TASK_ENTRY = 3;

    private int[] data = new int[64];
    private int size;

    /**
     * Appends the record of a session with these keys and episodes; {@code groupFrom[k]} is where task key k's
     * episodes start in the grouped episode store. Returns where the record starts.
     */
    int append(SessionKeys.Keys keys, List<EpisodeNode> episodes, int[] groupFrom) {
        int[][] members = keys.members();
        int taskKeys = keys.taskKeys();
        int length = members.length;
        for (int k = 0; k < members.length; k++) {
            length += k < taskKeys ? 2 + TASK_ENTRY * members[k].length : 1;
            if (k >= taskKeys) {
                for (int position : members[k]) {
                    length += 4 + episodes.get(position).labels.length;
                }
            }
        }
        int at = size;
        ensure(size + length);
        int next = at + members.length;
        for (int k = 0; k < members.length; k++) {
            data[at + k] = next - at;
            data[next++] = members[k].length;
            if (k < taskKeys) {
                data[next++] = groupFrom[k];
            }
            for (int position : members[k]) {
                EpisodeNode episode = episodes.get(position);
                data[next++] = position;
                data[next++] = (int) (episode.chunkId >>> 32);
                data[next++] = (int) episode.chunkId;
                if (k >= taskKeys) {
                    data[next++] = episode.labels.length;
                    System.arraycopy(episode.labels, 0, data, next, episode.labels.length);
                    next += episode.labels.length;
                }
            }
        }
        size = next;
        return at;
    }

    private void ensure(int length) {
        if (length > data.length) {
            data = Arrays.copyOf(data, Math.max(length, data.length * 2));
        }
    }

    /** The records (read only; a later append may replace the array). */
    int[] data() {
        return data;
    }

    /** Bytes of the array (its length, not a heap measurement). */
    long retainedBytes() {
        return 16 + 16 + 4L * data.length;
    }
}
