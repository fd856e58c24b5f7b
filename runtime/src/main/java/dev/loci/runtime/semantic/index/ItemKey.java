package dev.loci.runtime.semantic.index;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/** Which object, event, chunk or place a text belongs to: its kind and the id it has in its own memory. */
public record ItemKey(ItemKind kind, long id) {
    public ItemKey {
        Require.present("kind", kind);
        if (id < 0) {
            throw new InvalidValueException("id", id, "must not be negative");
        }
    }

    long[] storeKey() {
        return new long[] {kind.code(), id};
    }
}
