package io.roam.kernel.snapshot;

/**
 * Object-identity to non-negative int map with open addressing, used by the encoder to number
 * objects. Compared with {@code IdentityHashMap<Object, Integer>} it allocates no boxes. Not
 * thread-safe; entries are never removed.
 */
final class IdentityIntMap {
  private Object[] keys = new Object[1 << 10];
  private int[] values = new int[1 << 10];
  private int size;

  /** The value of {@code key}, or -1 when absent. */
  int get(Object key) {
    int mask = keys.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      Object k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == null) {
        return -1;
      }
    }
  }

  /** Maps an absent {@code key} to {@code value}. */
  void put(Object key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(key, value);
    size++;
  }

  private void insert(Object key, int value) {
    int mask = keys.length - 1;
    int i = hash(key) & mask;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
  }

  private void grow() {
    Object[] oldKeys = keys;
    int[] oldValues = values;
    keys = new Object[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        insert(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int hash(Object o) {
    int h = System.identityHashCode(o);
    return (h ^ (h >>> 16)) * 0x9E3779B9;
  }
}
