package io.roam.kernel.snapshot;

/**
 * Bounds that a decoded heap must stay within, against hostile or corrupt input. Every count in
 * a heap section is also checked against the bytes that remain, so these limits bound memory
 * use, not correctness. Decoding uses no recursion, so there is no nesting limit: a list a
 * million links long decodes like any other graph.
 *
 * @param maxObjects most objects in one heap
 * @param maxClasses most entries in the class table
 * @param maxArrayLength longest array
 * @param maxStringLength longest string (in chars), also for class and field names
 * @param maxFieldsPerClass most fields one class may list
 * @param maxAhead of a section decoded as it arrives (length unknown until it ends): the most
 *     bytes a count may promise beyond those received; a reference array or object table larger
 *     than that is refused, a primitive array or string is read in pieces first (see {@code
 *     HeapInput})
 */
public record HeapLimits(
    int maxObjects, int maxClasses, int maxArrayLength, int maxStringLength,
    int maxFieldsPerClass, long maxAhead) {

  /**
   * Generous defaults: 200 million objects, arrays and strings up to 2^31 - 16; a stream may
   * promise 1/16 of this JVM's heap ahead (a promised byte becomes at most 8 bytes of decoder
   * tables or reference arrays, so a lie costs at most half the heap before it is found out).
   */
  public static final HeapLimits DEFAULT =
      new HeapLimits(200_000_000, 1 << 20, Integer.MAX_VALUE - 16, Integer.MAX_VALUE - 16, 1 << 16);

  public HeapLimits {
    if (maxObjects < 1 || maxClasses < 1 || maxArrayLength < 0 || maxStringLength < 0
        || maxFieldsPerClass < 0 || maxAhead < 0) {
      throw new IllegalArgumentException("heap limits must be positive");
    }
  }

  /** With {@code maxAhead} 1/16 of the heap. */
  public HeapLimits(int maxObjects, int maxClasses, int maxArrayLength, int maxStringLength, int maxFieldsPerClass) {
    this(maxObjects, maxClasses, maxArrayLength, maxStringLength, maxFieldsPerClass,
        Runtime.getRuntime().maxMemory() / 16);
  }
}
