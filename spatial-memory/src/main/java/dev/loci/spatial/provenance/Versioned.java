package dev.loci.spatial.provenance;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/** A mutable unit of memory as one immutable version: the value, its version number and who wrote it. */
public record Versioned<T>(T value, long version, Provenance provenance) {
    public Versioned {
        Require.present("value", value);
        if (version < 1) {
            throw new InvalidValueException("version", version, "must be at least 1");
        }
        Require.present("provenance", provenance);
    }

    /** The version after this one, written by {@code by}. */
    public Versioned<T> next(T newValue, Provenance by) {
        return new Versioned<>(newValue, version + 1, by);
    }
}
