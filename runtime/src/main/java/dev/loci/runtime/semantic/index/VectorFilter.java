package dev.loci.runtime.semantic.index;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Optional;
import java.util.Set;

/**
 * Which items a search may return: empty sets mean "any". A region (a place's bounds) keeps only items with a
 * position inside it.
 */
public record VectorFilter(Set<RobotId> robots, Timestamp from, Timestamp to, Optional<Aabb> region,
                           Set<String> labels, Set<ItemKind> kinds) {
    public static final VectorFilter ANY = new VectorFilter(Set.of(), Timestamp.ZERO,
            Timestamp.ofNanos(Long.MAX_VALUE), Optional.empty(), Set.of(), Set.of());

    public VectorFilter {
        robots = Set.copyOf(Require.present("robots", robots));
        Require.present("from", from);
        Require.present("to", to);
        if (to.isBefore(from)) {
            throw new InvalidValueException("to", to.nanos(), "is before from " + from.nanos());
        }
        Require.present("region", region);
        labels = Set.copyOf(Require.present("labels", labels));
        kinds = Set.copyOf(Require.present("kinds", kinds));
    }

    public VectorFilter ofRobots(Set<RobotId> newRobots) {
        return new VectorFilter(newRobots, from, to, region, labels, kinds);
    }

    public VectorFilter between(Timestamp newFrom, Timestamp newTo) {
        return new VectorFilter(robots, newFrom, newTo, region, labels, kinds);
    }

    public VectorFilter within(Aabb newRegion) {
        return new VectorFilter(robots, from, to, Optional.of(newRegion), labels, kinds);
    }

    public VectorFilter withLabels(Set<String> newLabels) {
        return new VectorFilter(robots, from, to, region, newLabels, kinds);
    }

    public VectorFilter ofKinds(Set<ItemKind> newKinds) {
        return new VectorFilter(robots, from, to, region, labels, newKinds);
    }

    /** The filter as a predicate on one item: the definition the index's bitset filtering must agree with. */
    public boolean accepts(SemanticItem item) {
        if (!robots.isEmpty() && !robots.contains(item.robot())) {
            return false;
        }
        if (item.time().isBefore(from) || to.isBefore(item.time())) {
            return false;
        }
        if (region.isPresent() && (item.position().isEmpty() || !region.get().contains(item.position().get()))) {
            return false;
        }
        if (!labels.isEmpty() && !labels.contains(item.label())) {
            return false;
        }
        return kinds.isEmpty() || kinds.contains(item.key().kind());
    }
}
