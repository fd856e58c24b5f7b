package dev.loci.ros.transport;

/** A message could not be sent: a string or sequence longer than the bound its .msg declares, as a rule. */
public final class MessageTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MessageTooLargeException(String topic, String detail) {
        super("message on " + topic + " refused: " + detail + " (see the bounds in loci_msgs)");
    }
}
