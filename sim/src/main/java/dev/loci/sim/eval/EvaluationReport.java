package dev.loci.sim.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Success rate, SPL, time and distance per world, task kind and mode, as a Markdown table. */
public final class EvaluationReport {
    /** One row: the aggregate of some tasks. */
    public record Row(String world, String kind, String mode, int tasks, double successRate, double spl,
                      double meanSeconds, double meanPathM) {
    }

    private final List<Row> rows;

    public EvaluationReport(List<TaskRecord> records) {
        Map<String, List<TaskRecord>> groups = new TreeMap<>(records.stream().collect(
                Collectors.groupingBy(r -> r.world() + "\t" + r.kind() + "\t" + r.mode())));
        List<Row> all = new ArrayList<>();
        groups.forEach((key, group) -> all.add(row(key.split("\t"), group)));
        Map<String, List<TaskRecord>> overall = new TreeMap<>(records.stream().collect(
                Collectors.groupingBy(r -> "all\t" + r.kind() + "\t" + r.mode())));
        overall.forEach((key, group) -> all.add(row(key.split("\t"), group)));
        this.rows = List.copyOf(all);
    }

    public List<Row> rows() {
        return rows;
    }

    public Row row(String world, String kind, String mode) {
        return rows.stream().filter(r -> r.world().equals(world) && r.kind().equals(kind) && r.mode().equals(mode))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no row " + world + "/" + kind + "/" + mode));
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| world | task | mode | tasks | success | SPL | mean time (s) | mean path (m) |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.0f%% | %.2f | %.1f | %.1f |%n", r.world(),
                    r.kind(), r.mode(), r.tasks(), 100 * r.successRate(), r.spl(), r.meanSeconds(), r.meanPathM()));
        }
        return out.toString();
    }

    private static Row row(String[] key, List<TaskRecord> group) {
        return new Row(key[0], key[1], key[2], group.size(),
                group.stream().filter(r -> r.result().success()).count() / (double) group.size(),
                group.stream().mapToDouble(r -> r.result().spl()).average().orElse(0),
                group.stream().mapToDouble(r -> r.result().seconds()).average().orElse(0),
                group.stream().mapToDouble(r -> r.result().pathM()).average().orElse(0));
    }
}
