package dev.loci.ros.fleet;

/** loci_msgs/FleetPacket as it travels: the bytes of one fleet wire packet. */
public final class FleetPacketMessage {
    public byte[] data = new byte[0];
}
