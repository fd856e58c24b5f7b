package dev.loci.bench.peers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text search in SQLite as its users do it without a vector extension: one row per text item with the
 * float32 embedding as a BLOB, and a query that reads every BLOB and keeps the best k in the client; then the
 * winners' texts by primary key. The items are the store's own objects (label) and events (description).
 */
final class SqliteTextIndex implements AutoCloseable {
    private final Connection db;
    private final PreparedStatement insert;
    private final PreparedStatement scan;
    private final PreparedStatement text;

    SqliteTextIndex(Connection db) throws SQLException {
        this.db = db;
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS text_items(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, "
                    + "ref INTEGER NOT NULL, text TEXT NOT NULL, embedding BLOB NOT NULL)");
        }
        insert = db.prepareStatement("INSERT INTO text_items(kind, ref, text, embedding) VALUES (?, ?, ?, ?)");
        scan = db.prepareStatement("SELECT id, embedding FROM text_items");
        text = db.prepareStatement("SELECT text FROM text_items WHERE id = ?");
    }

    /** Indexes every object and event the store holds (in the caller's transaction); returns texts and counts. */
    Map<String, Long> build(TextCorpus corpus) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT id, label FROM objects")) {
                while (rs.next()) {
                    add("object", rs.getLong(1), TextCorpus.objectText(rs.getString(2)), corpus, counts);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT id, description FROM events")) {
                while (rs.next()) {
                    add("event", rs.getLong(1), TextCorpus.eventText(rs.getString(2)), corpus, counts);
                }
            }
        }
        return counts;
    }

    private void add(String kind, long ref, String itemText, TextCorpus corpus, Map<String, Long> counts)
            throws SQLException {
        insert.setString(1, kind);
        insert.setLong(2, ref);
        insert.setString(3, itemText);
        insert.setBytes(4, ScoredTop.bytesOf(corpus.vectorOf(itemText)));
        insert.executeUpdate();
        counts.merge(itemText, 1L, Long::sum);
    }

    /** Texts of the {@code k} items whose embeddings score best against {@code query}, best first. */
    List<String> search(float[] query, int k) throws SQLException {
        ScoredTop top = new ScoredTop(k);
        float[] scratch = new float[query.length];
        try (ResultSet rs = scan.executeQuery()) {
            while (rs.next()) {
                top.offer(ScoredTop.dot(rs.getBytes(2), query, scratch), rs.getLong(1));
            }
        }
        List<String> texts = new ArrayList<>(k);
        for (long id : top.ids()) {
            text.setLong(1, id);
            try (ResultSet rs = text.executeQuery()) {
                rs.next();
                texts.add(rs.getString(1));
            }
        }
        return texts;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        scan.close();
        text.close();
    }
}
