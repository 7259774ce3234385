package io.roam.kernel.process;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * The string literals of a process's code ({@code CONSTANT_String} entries). A string in the heap
 * that equals a literal and is the JVM's interned instance is re-interned on restore, so that
 * {@code ==} comparisons against literals keep their result across a move.
 */
public final class LiteralStrings {
  private LiteralStrings() {}

  public static Set<String> of(CodeSource code) {
    Set<String> out = new HashSet<>();
    for (var e : code.entries().entrySet()) {
      if (!e.getKey().endsWith(".class")) {
        continue;
      }
      try {
        ClassReader r = new ClassReader(e.getValue());
        char[] buf = new char[r.getMaxStringLength()];
        for (int i = 1; i < r.getItemCount(); i++) {
          int off = r.getItem(i);
          if (off > 0 && r.readByte(off - 1) == 8) { // CONSTANT_String
            out.add(r.readUTF8(off, buf));
          }
        }
      } catch (RuntimeException malformed) {
        // not a class file we can read: it will fail to load with its own error
      }
    }
    return out;
  }
}
