package dev.loci.runtime.semantic.index;

import dev.loci.spatial.validation.InvalidValueException;

/** What a text in semantic memory belongs to; the code is stored. */
public enum ItemKind {
    /** A remembered object: its label and attributes. */
    OBJECT(1),
    /** An event: its description. */
    EVENT(2),
    /** An episode or session: its summary. */
    CHUNK(3),
    /** A place: its name. */
    PLACE(4);

    private final int code;

    ItemKind(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ItemKind ofCode(int code) {
        for (ItemKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new InvalidValueException("item kind", code, "is not one of 1..4");
    }
}
