package dev.loci.ros.service;

/**
 * One request or reply as rmw_cyclonedds puts it on the wire: the client's 64-bit guid and the request's
 * sequence number, then the request or response fields.
 */
public final class Envelope<T> {
    long clientGuid;
    long sequence;
    final T body;

    Envelope(T body) {
        this.body = body;
    }

    public long clientGuid() {
        return clientGuid;
    }

    public long sequence() {
        return sequence;
    }

    public T body() {
        return body;
    }
}
