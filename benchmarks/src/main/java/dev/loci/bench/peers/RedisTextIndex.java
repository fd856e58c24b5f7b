package dev.loci.bench.peers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Text search over Redis as its users do it without a vector module (Debian's redis-server has none):
 * float32 embeddings in hashes of {@value #BUCKET} items each (field = item number), the texts in parallel
 * hashes; a query fetches every embedding hash in one pipelined round trip, scores in the client, and fetches
 * the winners' texts in a second. The items are the store's own objects (label) and events (description).
 */
final class RedisTextIndex {
    static final int BUCKET = 1_000;
    private static final String COUNT = "text:count";

    private final Jedis jedis;

    RedisTextIndex(Jedis jedis) {
        this.jedis = jedis;
    }

    /** Indexes the given item texts (objects and events, read from the store by the caller). */
    Map<String, Long> build(List<String> itemTexts, TextCorpus corpus) {
        Map<String, Long> counts = new HashMap<>();
        Pipeline p = jedis.pipelined();
        for (int n = 0; n < itemTexts.size(); n++) {
            String t = itemTexts.get(n);
            byte[] field = Integer.toString(n).getBytes(StandardCharsets.US_ASCII);
            p.hset(vectorKey(n / BUCKET), field, ScoredTop.bytesOf(corpus.vectorOf(t)));
            p.hset(textKey(n / BUCKET), field, t.getBytes(StandardCharsets.UTF_8));
            counts.merge(t, 1L, Long::sum);
            if (n % BUCKET == BUCKET - 1) {
                p.sync();
            }
        }
        p.set(COUNT, Integer.toString(itemTexts.size()));
        p.sync();
        return counts;
    }

    List<String> search(float[] query, int k) {
        String stored = jedis.get(COUNT);
        int items = stored == null ? 0 : Integer.parseInt(stored);
        Pipeline p = jedis.pipelined();
        List<Response<Map<byte[], byte[]>>> buckets = new ArrayList<>();
        for (int b = 0; b * BUCKET < items; b++) {
            buckets.add(p.hgetAll(vectorKey(b)));
        }
        p.sync();
        ScoredTop top = new ScoredTop(k);
        float[] scratch = new float[query.length];
        for (Response<Map<byte[], byte[]>> bucket : buckets) {
            for (Map.Entry<byte[], byte[]> item : bucket.get().entrySet()) {
                float score = ScoredTop.dot(item.getValue(), query, scratch);
                if (score > top.threshold()) {
                    top.offer(score, Long.parseLong(new String(item.getKey(), StandardCharsets.US_ASCII)));
                }
            }
        }
        Pipeline texts = jedis.pipelined();
        List<Response<byte[]>> found = new ArrayList<>(k);
        for (long n : top.ids()) {
            found.add(texts.hget(textKey((int) (n / BUCKET)), Long.toString(n).getBytes(StandardCharsets.US_ASCII)));
        }
        texts.sync();
        List<String> result = new ArrayList<>(found.size());
        for (Response<byte[]> r : found) {
            result.add(new String(r.get(), StandardCharsets.UTF_8));
        }
        return result;
    }

    private static byte[] vectorKey(int bucket) {
        return ("text:vec:" + bucket).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] textKey(int bucket) {
        return ("text:txt:" + bucket).getBytes(StandardCharsets.US_ASCII);
    }
}
