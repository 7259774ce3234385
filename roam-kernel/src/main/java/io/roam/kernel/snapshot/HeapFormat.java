package io.roam.kernel.snapshot;

/**
 * Constants of the heap section format, shared by {@link HeapEncoder} and {@link HeapDecoder}
 * (keep in sync with the format description in {@link HeapCodec}).
 */
final class HeapFormat {
  /**
   * First four bytes of a heap section: "RHP2" read as a little-endian int (2: iterators, views
   * and entries; HashSet copied by field; table capacities).
   */
  static final int MAGIC = 0x32504852;
  /** The magic of the first format ("RHP1"), which this Roam no longer reads. */
  static final int MAGIC_1 = 0x31504852;
  /** Last four bytes of a heap section: "RHPE". */
  static final int END = 0x45504852;
  /** Class reference of a JDK singleton, followed by its {@link Canonicals} name. */
  static final int CLASS_JDK_CANONICAL = 0;
  /** Class reference of an object the kernel re-binds, followed by its policy name. */
  static final int CLASS_POLICY_CANONICAL = 1;
  /** Class references at or above this are class table index + FIRST_CLASS. */
  static final int FIRST_CLASS = 2;

  private HeapFormat() {}
}
