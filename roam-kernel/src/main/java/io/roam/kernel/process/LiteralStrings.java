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

  /** The literals of every class in {@code code}. */
  public static Set<String> of(CodeSource code) {
    return of(code, null);
  }

  /**
   * The literals of the classes of {@code code} named in {@code classes} (binary names; null for
   * all): only a loaded class's literals can be on the heap.
   */
  public static Set<String> of(CodeSource code, Set<String> classes) {
    Set<String> out = new HashSet<>();
    for (var e : code.entries().entrySet()) {
      String k = e.getKey();
      if (!k.endsWith(".class") || (classes != null
          && !classes.contains(k.substring(0, k.length() - 6).replace('/', '.')))) {
        continue;
      }
      addLiterals(e.getValue(), out);
    }
    return out;
  }

  /** The literals of one class file (none if it is not a readable class file). */
  public static Set<String> ofClass(byte[] classFile) {
    Set<String> out = new HashSet<>();
    if (classFile != null) {
      addLiterals(classFile, out);
    }
    return out;
  }

  private static void addLiterals(byte[] classFile, Set<String> out) {
    try {
      ClassReader r = new ClassReader(classFile);
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
}
