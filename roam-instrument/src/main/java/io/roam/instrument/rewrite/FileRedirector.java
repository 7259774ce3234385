package io.roam.instrument.rewrite;

import static org.objectweb.asm.Opcodes.*;

import io.roam.instrument.runtime.ContextClass;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Virtual files: redirects the file calls of process code to the kernel's file interface
 * ({@code io.roam.instrument.runtime.files}, docs/design/files.md). Run next to {@link
 * SystemCallRedirector}, before frames are analysed.
 *
 * <ul>
 *   <li>{@code new FileInputStream(name)} and the other constructors of FileInputStream,
 *       FileOutputStream, RandomAccessFile, FileReader and FileWriter that take a name or a File
 *       become constructors of the kernel's subclasses ({@code VFileInputStream} …), with the
 *       process's {@code FileService} ({@code Ctx.files()}) appended as the last argument:
 *       <pre>
 * // emits: new VFileInputStream(name, Ctx.files())   for   new FileInputStream(name)
 *       </pre>
 *       NEW and its constructor call are paired by nesting; a constructor call without a NEW (a
 *       process subclass's {@code super(…)}) is left alone, and so is the object it builds.
 *   <li>{@code new InputStreamReader(in[, cs])} and {@code new OutputStreamWriter(out[, cs])}
 *       become {@code VInputStreamReader}/{@code VOutputStreamWriter}, which decode and encode by
 *       themselves so that a reader or writer over a file (or the console) can be captured.
 *   <li>{@code new PrintWriter(name …)}/{@code new PrintStream(name)} keep their class; the
 *       name argument is turned into a kernel writer/stream and the constructor taking that is
 *       called: {@code // emits: new PrintWriter(VFiles.printWriterTarget(name, Ctx.files()))}.
 *   <li>The static {@code Files} methods, {@code FileChannel.open}, the {@code File} methods that
 *       touch the file system and {@code Path.toAbsolutePath} become {@code VFiles} methods with
 *       the same arguments plus {@code Ctx.files()}.
 *   <li>The final methods of RandomAccessFile become {@code RafCalls} methods, receiver first.
 * </ul>
 */
public final class FileRedirector {
  private static final String CTX = ContextClass.INTERNAL_NAME;
  private static final String PKG = "io/roam/instrument/runtime/files/";
  static final String FILE_SERVICE = PKG + "FileService";
  private static final String FS_DESC = "L" + FILE_SERVICE + ";";
  private static final String VFILES = PKG + "VFiles";
  private static final String RAF_CALLS = PKG + "RafCalls";
  private static final String S = "Ljava/lang/String;";
  private static final String F = "Ljava/io/File;";
  private static final String CS = "Ljava/nio/charset/Charset;";

  /** JDK class → kernel subclass, with the constructor descriptors the subclass mirrors. */
  private static final Map<String, String> SUBCLASS = Map.of(
      "java/io/FileInputStream", PKG + "VFileInputStream",
      "java/io/FileOutputStream", PKG + "VFileOutputStream",
      "java/io/RandomAccessFile", PKG + "VRandomAccessFile",
      "java/io/FileReader", PKG + "VFileReader",
      "java/io/FileWriter", PKG + "VFileWriter",
      "java/io/InputStreamReader", PKG + "VInputStreamReader",
      "java/io/OutputStreamWriter", PKG + "VOutputStreamWriter");

  /** Subclasses whose constructors take exactly the JDK's arguments (no FileService). */
  private static final Set<String> WITHOUT_FILES = Set.of("java/io/InputStreamReader", "java/io/OutputStreamWriter");

  private static final Map<String, Set<String>> SUBCLASS_CTORS = Map.of(
      "java/io/FileInputStream", Set.of("(" + S + ")V", "(" + F + ")V"),
      "java/io/FileOutputStream", Set.of("(" + S + ")V", "(" + S + "Z)V", "(" + F + ")V", "(" + F + "Z)V"),
      "java/io/RandomAccessFile", Set.of("(" + S + S + ")V", "(" + F + S + ")V"),
      "java/io/FileReader", Set.of("(" + S + ")V", "(" + F + ")V", "(" + S + CS + ")V", "(" + F + CS + ")V"),
      "java/io/FileWriter", Set.of("(" + S + ")V", "(" + S + "Z)V", "(" + F + ")V", "(" + F + "Z)V",
          "(" + S + CS + ")V", "(" + S + CS + "Z)V", "(" + F + CS + ")V", "(" + F + CS + "Z)V"),
      "java/io/InputStreamReader", Set.of("(Ljava/io/InputStream;)V", "(Ljava/io/InputStream;" + CS + ")V",
          "(Ljava/io/InputStream;" + S + ")V"),
      "java/io/OutputStreamWriter", Set.of("(Ljava/io/OutputStream;)V", "(Ljava/io/OutputStream;" + CS + ")V",
          "(Ljava/io/OutputStream;" + S + ")V"));

  /** Constructors whose file argument(s) become a kernel target: owner → (desc → target type). */
  private static final Map<String, Map<String, String>> TARGET_CTORS = Map.of(
      "java/io/PrintWriter", Map.of("(" + S + ")V", "Ljava/io/Writer;", "(" + F + ")V", "Ljava/io/Writer;",
          "(" + S + S + ")V", "Ljava/io/Writer;", "(" + F + S + ")V", "Ljava/io/Writer;",
          "(" + S + CS + ")V", "Ljava/io/Writer;", "(" + F + CS + ")V", "Ljava/io/Writer;"),
      "java/io/PrintStream", Map.of("(" + S + ")V", "Ljava/io/OutputStream;",
          "(" + F + ")V", "Ljava/io/OutputStream;"));

  /** {@code owner.name desc} → VFiles method (same arguments plus the FileService). */
  private static final Map<String, String> STATIC_CALLS = statics();

  /** Instance calls → VFiles method taking the receiver first (plus the FileService). */
  private static final Map<String, String> INSTANCE_CALLS = Map.ofEntries(
      Map.entry("java/io/File.exists()Z", "fileExists"),
      Map.entry("java/io/File.isFile()Z", "fileIsFile"),
      Map.entry("java/io/File.isDirectory()Z", "fileIsDirectory"),
      Map.entry("java/io/File.length()J", "fileLength"),
      Map.entry("java/io/File.delete()Z", "fileDelete"),
      Map.entry("java/io/File.mkdir()Z", "fileMkdir"),
      Map.entry("java/io/File.mkdirs()Z", "fileMkdirs"),
      Map.entry("java/io/File.createNewFile()Z", "fileCreateNewFile"),
      Map.entry("java/io/File.renameTo(Ljava/io/File;)Z", "fileRenameTo"),
      Map.entry("java/io/File.list()[Ljava/lang/String;", "fileList"),
      Map.entry("java/io/File.listFiles()[Ljava/io/File;", "fileListFiles"),
      Map.entry("java/io/File.getAbsolutePath()Ljava/lang/String;", "fileGetAbsolutePath"),
      Map.entry("java/io/File.getAbsoluteFile()Ljava/io/File;", "fileGetAbsoluteFile"),
      Map.entry("java/nio/file/Path.toAbsolutePath()Ljava/nio/file/Path;", "toAbsolutePath"));

  /** Final methods of RandomAccessFile that {@code RafCalls} replaces. */
  private static final Set<String> RAF_FINALS = Set.of("readFully", "readBoolean", "readByte",
      "readUnsignedByte", "readShort", "readUnsignedShort", "readChar", "readInt", "readLong",
      "readFloat", "readDouble", "readLine", "readUTF", "writeBoolean", "writeByte", "writeShort",
      "writeChar", "writeInt", "writeLong", "writeFloat", "writeDouble", "writeBytes", "writeChars",
      "writeUTF", "getChannel");

  private FileRedirector() {}

  private static Map<String, String> statics() {
    String p = "Ljava/nio/file/Path;";
    String oo = "[Ljava/nio/file/OpenOption;";
    String lo = "[Ljava/nio/file/LinkOption;";
    String fa = "[Ljava/nio/file/attribute/FileAttribute;";
    String co = "[Ljava/nio/file/CopyOption;";
    String it = "Ljava/lang/Iterable;";
    String seq = "Ljava/lang/CharSequence;";
    String stream = "Ljava/util/stream/Stream;";
    Map<String, String> m = new HashMap<>();
    for (String d : List.of("(" + p + ")[B", "(" + p + ")" + S, "(" + p + CS + ")" + S,
        "(" + p + ")Ljava/util/List;", "(" + p + CS + ")Ljava/util/List;", "(" + p + ")" + stream,
        "(" + p + CS + ")" + stream, "(" + p + ")Ljava/io/BufferedReader;",
        "(" + p + CS + ")Ljava/io/BufferedReader;", "(" + p + oo + ")Ljava/io/InputStream;",
        "(" + p + oo + ")Ljava/io/OutputStream;", "(" + p + oo + ")Ljava/io/BufferedWriter;",
        "(" + p + CS + oo + ")Ljava/io/BufferedWriter;", "(" + p + "[B" + oo + ")" + p,
        "(" + p + it + oo + ")" + p, "(" + p + it + CS + oo + ")" + p, "(" + p + seq + oo + ")" + p,
        "(" + p + seq + CS + oo + ")" + p, "(" + p + lo + ")Z", "(" + p + ")J", "(" + p + ")V",
        "(" + p + ")Z", "(" + p + fa + ")" + p, "(" + p + p + co + ")" + p,
        "(" + p + "[Ljava/nio/file/FileVisitOption;)" + stream,
        "(" + p + "I[Ljava/nio/file/FileVisitOption;)" + stream)) {
      for (String name : List.of("readAllBytes", "readString", "readAllLines", "lines", "newBufferedReader",
          "newInputStream", "newOutputStream", "newBufferedWriter", "write", "writeString", "exists", "notExists",
          "isDirectory", "isRegularFile", "size", "delete", "deleteIfExists", "createDirectories",
          "createDirectory", "createFile", "copy", "move", "list", "walk")) {
        m.put("java/nio/file/Files." + name + d, name);
      }
    }
    m.put("java/nio/channels/FileChannel.open(" + p + oo + ")Ljava/nio/channels/FileChannel;", "channelOpen");
    m.put("java/nio/channels/FileChannel.open(" + p + "Ljava/util/Set;" + fa
        + ")Ljava/nio/channels/FileChannel;", "channelOpen");
    return m;
  }

  private static final Map<String, Boolean> HAS_STATIC = new java.util.concurrent.ConcurrentHashMap<>();

  /** True when {@code VFiles} has a replacement for this static call (the table is a cross product). */
  private static boolean hasStatic(String name, String desc) {
    return HAS_STATIC.computeIfAbsent(name + desc, k -> lookUp(name, desc));
  }

  private static boolean lookUp(String name, String desc) {
    try {
      Type[] args = Type.getArgumentTypes(desc);
      Class<?>[] params = new Class<?>[args.length + 1];
      ClassLoader l = FileRedirector.class.getClassLoader();
      for (int i = 0; i < args.length; i++) {
        params[i] = classOf(args[i], l);
      }
      params[args.length] = Class.forName(FILE_SERVICE.replace('/', '.'), false, l);
      Class<?> ret = Class.forName(VFILES.replace('/', '.'), false, l).getMethod(name, params).getReturnType();
      return Type.getType(ret).equals(Type.getReturnType(desc));
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static Class<?> classOf(Type t, ClassLoader l) throws ClassNotFoundException {
    return switch (t.getSort()) {
      case Type.BOOLEAN -> boolean.class;
      case Type.INT -> int.class;
      case Type.LONG -> long.class;
      case Type.ARRAY, Type.OBJECT -> Class.forName(t.getSort() == Type.ARRAY ? t.getDescriptor().replace('/', '.')
          : t.getClassName(), false, l);
      default -> throw new ClassNotFoundException(t.toString());
    };
  }

  /** Rewrites every method of {@code cn} in place. */
  public static void rewrite(ClassNode cn) {
    for (MethodNode m : cn.methods) {
      int size = m.instructions.size();
      redirectConstructors(m);
      for (AbstractInsnNode insn : m.instructions.toArray()) {
        if (insn instanceof MethodInsnNode c) {
          redirectCall(m, c);
        }
      }
      if (m.instructions.size() != size) {
        m.maxStack += 1; // Ctx.files() is pushed just before the call that consumes it
      }
    }
  }

  private static void redirectCall(MethodNode m, MethodInsnNode c) {
    String sig = c.owner + "." + c.name + c.desc;
    if (c.getOpcode() == INVOKESTATIC && STATIC_CALLS.containsKey(sig)) {
      String name = STATIC_CALLS.get(sig);
      if (hasStatic(name, c.desc)) {
        // emits: VFiles.name(args…, Ctx.files())
        m.instructions.insertBefore(c, files());
        m.instructions.set(c, new MethodInsnNode(INVOKESTATIC, VFILES, name, withFiles(c.desc), false));
      }
    } else if ((c.getOpcode() == INVOKEVIRTUAL || c.getOpcode() == INVOKEINTERFACE)
        && INSTANCE_CALLS.containsKey(sig)) {
      // emits: VFiles.name(receiver, args…, Ctx.files())
      m.instructions.insertBefore(c, files());
      m.instructions.set(c, new MethodInsnNode(INVOKESTATIC, VFILES, INSTANCE_CALLS.get(sig),
          withFiles("(L" + c.owner + ";" + c.desc.substring(1)), false));
    } else if (c.getOpcode() == INVOKEVIRTUAL && c.owner.equals("java/io/RandomAccessFile")
        && RAF_FINALS.contains(c.name)) {
      // emits: RafCalls.name(receiver, args…)
      m.instructions.set(c, new MethodInsnNode(INVOKESTATIC, RAF_CALLS, c.name,
          "(Ljava/io/RandomAccessFile;" + c.desc.substring(1), false));
    } else if (c.getOpcode() == INVOKESPECIAL && c.name.equals("<init>") && TARGET_CTORS.containsKey(c.owner)) {
      String target = TARGET_CTORS.get(c.owner).get(c.desc);
      if (target != null) {
        // emits: <init>(VFiles.xTarget(args…, Ctx.files()))
        String helper = c.owner.equals("java/io/PrintWriter") ? "printWriterTarget" : "printStreamTarget";
        m.instructions.insertBefore(c, files());
        m.instructions.insertBefore(c, new MethodInsnNode(INVOKESTATIC, VFILES, helper,
            withFiles(c.desc.substring(0, c.desc.length() - 1) + target), false));
        c.desc = "(" + target + ")V";
      }
    }
  }

  /** Pairs NEW T with its {@code T.<init>} by nesting and moves supported pairs to the subclass. */
  private static void redirectConstructors(MethodNode m) {
    Map<String, Deque<TypeInsnNode>> open = new HashMap<>();
    for (AbstractInsnNode insn : m.instructions.toArray()) {
      if (insn instanceof TypeInsnNode t && t.getOpcode() == NEW && SUBCLASS.containsKey(t.desc)) {
        open.computeIfAbsent(t.desc, k -> new ArrayDeque<>()).push(t);
      } else if (insn instanceof MethodInsnNode c && c.getOpcode() == INVOKESPECIAL && c.name.equals("<init>")
          && SUBCLASS.containsKey(c.owner)) {
        Deque<TypeInsnNode> news = open.get(c.owner);
        if (news == null || news.isEmpty()) {
          continue; // super(…) of a process subclass: not virtualized
        }
        TypeInsnNode n = news.pop();
        if (SUBCLASS_CTORS.get(c.owner).contains(c.desc)) {
          String sub = SUBCLASS.get(c.owner);
          n.desc = sub;
          if (!WITHOUT_FILES.contains(c.owner)) {
            m.instructions.insertBefore(c, files());
            c.desc = withFiles(c.desc);
          }
          c.owner = sub;
        }
      }
    }
  }

  private static InsnList files() {
    InsnList il = new InsnList();
    il.add(new MethodInsnNode(INVOKESTATIC, CTX, "files", "()" + FS_DESC, false));
    return il;
  }

  private static String withFiles(String desc) {
    int close = desc.indexOf(')');
    return desc.substring(0, close) + FS_DESC + desc.substring(close);
  }
}
