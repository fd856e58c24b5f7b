package dev.loci.spatial.objects;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Every remembered object by id, in an array indexed by id. Object ids are handed out one after another from 1,
 * so the array is dense; a radius query resolves each hit with one array read instead of a hash lookup through a
 * boxed key and a node. One writer (the owner's write lock); readers need no lock: slots are read and written
 * with volatile semantics and the array is republished whole when it grows.
 */
final class ObjectTable {
    private static final int MAX_ID = Integer.MAX_VALUE - 16;

    private volatile AtomicReferenceArray<RememberedObject> slots = new AtomicReferenceArray<>(1024);
    /** Written by the one writer, read by stats on any thread. */
    private volatile int size;

    /** The object with this id, or null. */
    RememberedObject get(long id) {
        AtomicReferenceArray<RememberedObject> current = slots;
        return id >= 0 && id < current.length() ? current.get((int) id) : null;
    }

    /** Adds or replaces the object under its id. */
    void put(RememberedObject object) {
        long id = object.id();
        if (id > MAX_ID) {
            throw new InvalidValueException("id", id, "is beyond the " + MAX_ID + " objects one memory can hold");
        }
        AtomicReferenceArray<RememberedObject> current = slots;
        if (id >= current.length()) {
            current = grown(current, (int) id);
        }
        if (current.getAndSet((int) id, object) == null) {
            size++;
        }
    }

    int size() {
        return size;
    }

    /** Every object in ascending id order. */
    void forEach(Consumer<RememberedObject> action) {
        AtomicReferenceArray<RememberedObject> current = slots;
        for (int i = 0; i < current.length(); i++) {
            RememberedObject object = current.get(i);
            if (object != null) {
                action.accept(object);
            }
        }
    }

    private AtomicReferenceArray<RememberedObject> grown(AtomicReferenceArray<RememberedObject> current, int id) {
        int capacity = (int) Math.min(MAX_ID + 1L, Math.max(id + 1L, 2L * current.length()));
        AtomicReferenceArray<RememberedObject> bigger = new AtomicReferenceArray<>(capacity);
        for (int i = 0; i < current.length(); i++) {
            bigger.set(i, current.get(i));
        }
        slots = bigger;
        return bigger;
    }
}
