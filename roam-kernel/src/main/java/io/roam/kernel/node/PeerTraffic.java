package io.roam.kernel.node;

/**
 * Messages one process exchanged with one peer: counts and payload bytes in each direction.
 * Payload bytes: 2 per char of a String, 8 per boxed primitive, the element bytes of a primitive
 * array, else the length of the body's heap encoding. Immutable.
 *
 * @param messagesIn messages from the peer delivered to this process's mailbox
 * @param bytesIn their payload bytes
 * @param messagesOut messages this process sent to the peer
 * @param bytesOut their payload bytes
 */
public record PeerTraffic(long messagesIn, long bytesIn, long messagesOut, long bytesOut) {}
