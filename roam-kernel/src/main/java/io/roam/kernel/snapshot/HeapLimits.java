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
 */
public record HeapLimits(
    int maxObjects, int maxClasses, int maxArrayLength, int maxStringLength,
    int maxFieldsPerClass) {

  /** Generous defaults: 200 million objects, arrays and strings up to 2^31 - 16. */
  public static final HeapLimits DEFAULT =
      new HeapLimits(200_000_000, 1 << 20, Integer.MAX_VALUE - 16, Integer.MAX_VALUE - 16, 1 << 16);

  public HeapLimits {
    if (maxObjects < 1 || maxClasses < 1 || maxArrayLength < 0 || maxStringLength < 0
        || maxFieldsPerClass < 0) {
      throw new IllegalArgumentException("heap limits must be positive");
    }
  }
}
