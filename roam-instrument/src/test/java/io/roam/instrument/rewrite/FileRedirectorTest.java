package io.roam.instrument.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import filefixture.Shapes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * What FileRedirector makes of each shape of file call: constructors paired with their NEW move
 * to the kernel subclasses with the FileService appended; a process subclass's super(…) and the
 * FileDescriptor constructors are left alone; PrintWriter keeps its class over a kernel target;
 * static, instance and RandomAccessFile-final calls go to VFiles and RafCalls.
 */
class FileRedirectorTest {
  private static final String P = "io/roam/instrument/runtime/files/";
  private static final String FS = "L" + P + "FileService;";
  private static final String FILES = "INVOKESTATIC io/roam/proc/Ctx.files()" + FS;

  static ClassNode rewritten(Class<?> c) {
    ClassNode cn = new ClassNode();
    new ClassReader(TwinLoopEntryTest.bytes(c.getName().replace('.', '/'))).accept(cn, 0);
    FileRedirector.rewrite(cn);
    return cn;
  }

  /** NEW and invoke instructions of one method, as text. */
  static List<String> calls(ClassNode cn, String method) {
    MethodNode m = cn.methods.stream().filter(x -> x.name.equals(method)).findFirst().orElseThrow();
    List<String> out = new ArrayList<>();
    for (AbstractInsnNode i : m.instructions) {
      if (i instanceof TypeInsnNode t && t.getOpcode() == Opcodes.NEW) {
        out.add("NEW " + t.desc);
      } else if (i instanceof MethodInsnNode c) {
        String op = switch (c.getOpcode()) {
          case Opcodes.INVOKESTATIC -> "INVOKESTATIC";
          case Opcodes.INVOKESPECIAL -> "INVOKESPECIAL";
          case Opcodes.INVOKEINTERFACE -> "INVOKEINTERFACE";
          default -> "INVOKEVIRTUAL";
        };
        out.add(op + " " + c.owner + "." + c.name + c.desc);
      }
    }
    return out;
  }

  @Test
  void constructorsMoveToKernelSubclassesWithTheFileService() {
    ClassNode cn = rewritten(Shapes.class);
    assertThat(calls(cn, "plain")).containsExactly("NEW " + P + "VFileInputStream", FILES,
        "INVOKESPECIAL " + P + "VFileInputStream.<init>(Ljava/lang/String;" + FS + ")V");
    assertThat(calls(cn, "nested")).containsExactly("NEW java/io/BufferedReader",
        "NEW " + P + "VInputStreamReader", "NEW " + P + "VFileInputStream", "NEW java/io/File",
        "INVOKESPECIAL java/io/File.<init>(Ljava/lang/String;)V", FILES,
        "INVOKESPECIAL " + P + "VFileInputStream.<init>(Ljava/io/File;" + FS + ")V",
        "INVOKESPECIAL " + P + "VInputStreamReader.<init>(Ljava/io/InputStream;Ljava/nio/charset/Charset;)V",
        "INVOKESPECIAL java/io/BufferedReader.<init>(Ljava/io/Reader;)V");
  }

  @Test
  void descriptorsAndProcessSubclassesAreLeftAlone() {
    assertThat(calls(rewritten(Shapes.class), "descriptor")).containsExactly("NEW java/io/FileInputStream",
        "INVOKESPECIAL java/io/FileInputStream.<init>(Ljava/io/FileDescriptor;)V");
    assertThat(calls(rewritten(Shapes.class), "own")).containsExactly("NEW filefixture/Shapes$OwnStream",
        "INVOKESPECIAL filefixture/Shapes$OwnStream.<init>(Ljava/lang/String;)V");
    assertThat(calls(rewritten(Shapes.OwnStream.class), "<init>")).containsExactly(
        "INVOKESPECIAL java/io/FileInputStream.<init>(Ljava/lang/String;)V");
  }

  @Test
  void printWriterKeepsItsClassOverAKernelTarget() {
    assertThat(calls(rewritten(Shapes.class), "printWriter")).containsExactly("NEW java/io/PrintWriter", FILES,
        "INVOKESTATIC " + P + "VFiles.printWriterTarget(Ljava/lang/String;" + FS + ")Ljava/io/Writer;",
        "INVOKESPECIAL java/io/PrintWriter.<init>(Ljava/io/Writer;)V");
  }

  @Test
  void filesFileAndRandomAccessFileCallsAreRedirected() {
    ClassNode cn = rewritten(Shapes.class);
    assertThat(calls(cn, "files")).containsExactly(FILES,
        "INVOKESTATIC " + P + "VFiles.readAllBytes(Ljava/nio/file/Path;" + FS + ")[B");
    assertThat(calls(cn, "raf")).containsExactly(
        "INVOKESTATIC " + P + "RafCalls.readInt(Ljava/io/RandomAccessFile;)I");
    assertThat(calls(cn, "exists")).containsExactly(FILES,
        "INVOKESTATIC " + P + "VFiles.fileExists(Ljava/io/File;" + FS + ")Z");
  }
}
