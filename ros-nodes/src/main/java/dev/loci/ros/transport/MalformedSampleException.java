package dev.loci.ros.transport;

import java.io.IOException;

/**
 * Bytes that arrived on a topic (or a service's request topic) and do not decode as its type, or decode past a
 * bound the type declares. The one error a {@link SampleDecoder} gives for bytes from the wire; the node counts
 * the sample and drops it.
 */
public final class MalformedSampleException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedSampleException(String typeName, String detail, Throwable cause) {
        super("sample of " + typeName + " does not decode: " + detail, cause);
    }
}
