package io.roam.kernel.snapshot;

import java.util.Arrays;

/**
 * Numbers objects by identity: ids 0, 1, 2, … in the order added. Objects are stored in one
 * array in id order; the open-addressing hash index holds only ints (id and identity hash), so
 * building it stores no references at random places in a large array — such stores are what
 * make {@code IdentityHashMap} slow for millions of entries under G1 (each dirties a card).
 * Not thread-safe; nothing is ever removed.
 */
final class ObjectTable {
  private Object[] objects = new Object[16];
  private int size;
  /** Index slots, two ints each (one cache line serves both): id + 1 (0 when empty), hash. */
  private int[] table = new int[2 * 32];

  int size() {
    return size;
  }

  /** The object with id {@code id}. */
  Object object(int id) {
    return objects[id];
  }

  /** The id of {@code o}, or -1 when it has none. */
  int idOf(Object o) {
    int h = System.identityHashCode(o);
    int mask = table.length / 2 - 1;
    for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
      int s = table[2 * i];
      if (s == 0) {
        return -1;
      }
      if (table[2 * i + 1] == h && objects[s - 1] == o) {
        return s - 1;
      }
    }
  }

  /** Gives {@code o}, which must have no id yet, the next id and returns it. */
  int add(Object o) {
    if (size == objects.length) {
      objects = Arrays.copyOf(objects, size * 2);
    }
    if (4 * (size + 1) > table.length) {
      rehash(table.length * 2);
    }
    objects[size] = o;
    insert(System.identityHashCode(o), size + 1);
    return size++;
  }

  private void insert(int h, int slotValue) {
    int mask = table.length / 2 - 1;
    int i = mix(h) & mask;
    while (table[2 * i] != 0) {
      i = (i + 1) & mask;
    }
    table[2 * i] = slotValue;
    table[2 * i + 1] = h;
  }

  private void rehash(int length) {
    int[] old = table;
    table = new int[length];
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        insert(old[i + 1], old[i]);
      }
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
