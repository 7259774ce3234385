package io.roam.instrument.rewrite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;

/**
 * Finds the bytecode offset of every invoke instruction in the methods of a written class file.
 * The instrumenter records resume sites as ordinals among a method's invoke instructions; this
 * turns them into the offsets that {@code StackWalker} reports. Follows the class-file format
 * (JVMS 4.7.3, 6.5), hence its length.
 */
public final class BytecodeOffsets {
  private BytecodeOffsets() {}

  /** {@code name + desc} → offsets of the invoke instructions (any of the five), in order. */
  public static Map<String, int[]> invokeOffsets(byte[] classFile) {
    ClassReader r = new ClassReader(classFile);
    char[] buf = new char[r.getMaxStringLength()];
    int p = r.header + 6;
    p += 2 + 2 * r.readUnsignedShort(p);
    int fields = r.readUnsignedShort(p);
    p += 2;
    for (int i = 0; i < fields; i++) {
      p = skipMember(r, p);
    }
    Map<String, int[]> out = new HashMap<>();
    int methods = r.readUnsignedShort(p);
    p += 2;
    for (int i = 0; i < methods; i++) {
      String name = r.readUTF8(p + 2, buf);
      String desc = r.readUTF8(p + 4, buf);
      int attrs = r.readUnsignedShort(p + 6);
      int a = p + 8;
      for (int k = 0; k < attrs; k++) {
        String an = r.readUTF8(a, buf);
        int len = r.readInt(a + 2);
        if (an.equals("Code")) {
          int codeLen = r.readInt(a + 10);
          out.put(name + desc, invokes(classFile, a + 14, codeLen));
        }
        a += 6 + len;
      }
      p = a;
    }
    return out;
  }

  private static int skipMember(ClassReader r, int p) {
    int attrs = r.readUnsignedShort(p + 6);
    int a = p + 8;
    for (int k = 0; k < attrs; k++) {
      a += 6 + r.readInt(a + 2);
    }
    return a;
  }

  private static int[] invokes(byte[] b, int start, int len) {
    List<Integer> found = new ArrayList<>();
    int pc = 0;
    while (pc < len) {
      int op = b[start + pc] & 0xFF;
      if (op >= 0xB6 && op <= 0xBA) {
        found.add(pc);
      }
      pc += length(b, start, pc, op);
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int length(byte[] b, int start, int pc, int op) {
    switch (op) {
      case 0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3A, 0xA9, 0xBC:
        return 2;
      case 0x11, 0x13, 0x14, 0x84, 0xA7, 0xA8, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xBB, 0xBD,
          0xC0, 0xC1, 0xC6, 0xC7:
        return 3;
      case 0xC5:
        return 4;
      case 0xB9, 0xBA, 0xC8, 0xC9:
        return 5;
      case 0xC4:
        return (b[start + pc + 1] & 0xFF) == 0x84 ? 6 : 4;
      case 0xAA: {
        int q = pc + 1 + ((4 - (pc + 1) % 4) % 4);
        int low = readInt(b, start + q + 4);
        int high = readInt(b, start + q + 8);
        return q + 12 + 4 * (high - low + 1) - pc;
      }
      case 0xAB: {
        int q = pc + 1 + ((4 - (pc + 1) % 4) % 4);
        int n = readInt(b, start + q + 4);
        return q + 8 + 8 * n - pc;
      }
      default:
        if (op >= 0x99 && op <= 0xA6) {
          return 3;
        }
        return 1;
    }
  }

  private static int readInt(byte[] b, int i) {
    return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
  }
}
