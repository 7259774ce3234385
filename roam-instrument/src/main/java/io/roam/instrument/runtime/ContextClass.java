package io.roam.instrument.runtime;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Generates the per-process context class {@value #INTERNAL_NAME}: one copy is defined in every
 * process class loader, so its static fields are per process and instrumented code reaches them
 * with a single {@code getstatic}. This class is the contract between instrumented code and the
 * runtime (keep in sync with {@code io.roam.instrument.rewrite.ContinuationTransformer} and
 * {@code SystemCallRedirector}).
 *
 * <pre>
 * public final class Ctx {
 *   public static volatile boolean requested; // a capture is wanted: polls take the slow path
 *   public static int mode;                   // MODE_RUNNING, MODE_UNWINDING or MODE_REWINDING
 *   public static Continuation cont;          // frames of the virtual thread now running
 *   public static VirtualSystem sys;          // the kernel's system calls for this process
 *   public static boolean poll() { return requested &amp;&amp; sys.safePoint(); }
 *   public static boolean pollEntry() { return requested &amp;&amp; sys.safePointAtEntry(); }
 *   public static boolean clinit(String cls) { ... }      // see VirtualSystem-independent ClinitHook
 *   public static boolean fastMonitors;       // one live virtual thread: monitors on held[]
 *   public static Object[] held; public static int heldTop;   // (see emitFastMonitorEnter)
 *   public static R m(A...) { return sys.m(A...); }      // one per VirtualSystem method
 * }
 * </pre>
 *
 * Only one virtual thread of a process runs at any moment, so the per-process {@code mode} is
 * also the mode of the running thread.
 */
public final class ContextClass {
  /** Internal name of the context class in every process loader. */
  public static final String INTERNAL_NAME = "io/roam/proc/Ctx";
  /** Binary name of the context class. */
  public static final String NAME = "io.roam.proc.Ctx";
  /** Normal execution. */
  public static final int MODE_RUNNING = 0;
  /** Frames are being saved on the way out. */
  public static final int MODE_UNWINDING = 1;
  /** Frames are being reloaded on the way in. */
  public static final int MODE_REWINDING = 2;

  static final String VS = Type.getInternalName(VirtualSystem.class);
  static final String CONT = Type.getDescriptor(Continuation.class);
  static final String HOOK = Type.getInternalName(ClinitHook.class);

  private ContextClass() {}

  /** Generated once: the bytes are the same for every process. */
  private static final class Cached {
    static final byte[] BYTES = generate();
  }

  /** The class file of the context class (identical for every process; a fresh copy). */
  public static byte[] bytes() {
    return Cached.BYTES.clone();
  }

  private static byte[] generate() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
        INTERNAL_NAME, null, "java/lang/Object", null);
    int pubStatic = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;
    cw.visitField(pubStatic | Opcodes.ACC_VOLATILE, "requested", "Z", null, null).visitEnd();
    cw.visitField(pubStatic, "mode", "I", null, null).visitEnd();
    cw.visitField(pubStatic, "cont", CONT, null, null).visitEnd();
    cw.visitField(pubStatic, "sys", "L" + VS + ";", null, null).visitEnd();
    cw.visitField(pubStatic, "hook", "L" + HOOK + ";", null, null).visitEnd();
    cw.visitField(pubStatic, "fastMonitors", "Z", null, null).visitEnd();
    cw.visitField(pubStatic, "held", "[Ljava/lang/Object;", null, null).visitEnd();
    cw.visitField(pubStatic, "heldTop", "I", null, null).visitEnd();
    emitPoll(cw, "poll", "safePoint");
    emitPoll(cw, "pollEntry", "safePointAtEntry");
    emitClinit(cw);
    Method[] methods = VirtualSystem.class.getMethods();
    Arrays.sort(methods, Comparator.comparing(m -> m.getName() + Type.getMethodDescriptor(m)));
    for (Method m : methods) {
      if (m.getName().startsWith("safePoint") || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      String d = Type.getMethodDescriptor(m);
      if (d.equals("(Ljava/lang/Object;)V") && m.getName().equals("monitorEnter")) {
        emitFastMonitorEnter(cw);
      } else if (d.equals("(Ljava/lang/Object;)V") && m.getName().equals("monitorExit")) {
        emitFastMonitorExit(cw);
      } else {
        emitForwarder(cw, m);
      }
    }
    emitLeafMonitor(cw, "monitorEnter");
    emitLeafMonitor(cw, "monitorExit");
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static void emitPoll(ClassWriter cw, String name, String target) {
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, "()Z", null, null);
    mv.visitCode();
    // emits: return requested && sys.<target>();
    Label no = new Label();
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "requested", "Z");
    mv.visitJumpInsn(Opcodes.IFEQ, no);
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "sys", "L" + VS + ";");
    mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, VS, target, "()Z", true);
    mv.visitInsn(Opcodes.IRETURN);
    mv.visitLabel(no);
    mv.visitInsn(Opcodes.ICONST_0);
    mv.visitInsn(Opcodes.IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /*
   * Monitors of a single-threaded process: while the kernel sets fastMonitors (one live virtual
   * thread), entering pushes the object on the held stack and exiting pops it, with no kernel
   * call — no other thread can contend, and the JIT inlines both. Anything else (another thread,
   * wait/notify, an exit out of order, a full stack, a capture) makes the kernel move the held
   * stack into its monitor table first (ProcessRuntime.threads()).
   */

  private static void emitFastMonitorEnter(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "monitorEnter",
        "(Ljava/lang/Object;)V", null, null);
    mv.visitCode();
    // emits: if (fastMonitors && o != null) { Object[] h = held; int t = heldTop;
    //          if (t < h.length) { h[t] = o; heldTop = t + 1; return; } }
    //        sys.monitorEnter(o);
    Label slow = new Label();
    emitUnlessFastAndNonNull(mv, slow);
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "held", "[Ljava/lang/Object;");
    mv.visitVarInsn(Opcodes.ASTORE, 1);
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "heldTop", "I");
    mv.visitVarInsn(Opcodes.ISTORE, 2);
    mv.visitVarInsn(Opcodes.ILOAD, 2);
    mv.visitVarInsn(Opcodes.ALOAD, 1);
    mv.visitInsn(Opcodes.ARRAYLENGTH);
    mv.visitJumpInsn(Opcodes.IF_ICMPGE, slow);
    mv.visitVarInsn(Opcodes.ALOAD, 1);
    mv.visitVarInsn(Opcodes.ILOAD, 2);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitInsn(Opcodes.AASTORE);
    mv.visitVarInsn(Opcodes.ILOAD, 2);
    mv.visitInsn(Opcodes.ICONST_1);
    mv.visitInsn(Opcodes.IADD);
    mv.visitFieldInsn(Opcodes.PUTSTATIC, INTERNAL_NAME, "heldTop", "I");
    mv.visitInsn(Opcodes.RETURN);
    emitKernelMonitorCall(mv, slow, "monitorEnter");
  }

  /*
   * Monitors of a region without safe points (rewrite.MonitorRewriter, "Leaf monitors"): nothing
   * at all while the process has a single thread, the kernel's call otherwise. Enter and exit
   * see the same mode: it changes only at a thread start or a restore, never inside such a region.
   */

  private static void emitLeafMonitor(ClassWriter cw, String kernelCall) {
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, kernelCall + "Leaf",
        "(Ljava/lang/Object;)V", null, null);
    mv.visitCode();
    // emits: if (fastMonitors && o != null) return; sys.<kernelCall>(o);
    // (a null lock goes to the kernel, which throws NullPointerException, or ends a rewind)
    Label slow = new Label();
    emitUnlessFastAndNonNull(mv, slow);
    mv.visitInsn(Opcodes.RETURN);
    emitKernelMonitorCall(mv, slow, kernelCall);
  }

  /** emits: if (!fastMonitors || o == null) goto slow; */
  private static void emitUnlessFastAndNonNull(MethodVisitor mv, Label slow) {
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "fastMonitors", "Z");
    mv.visitJumpInsn(Opcodes.IFEQ, slow);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitJumpInsn(Opcodes.IFNULL, slow);
  }

  /** emits: slow: sys.<call>(o); return; — and ends the method. */
  private static void emitKernelMonitorCall(MethodVisitor mv, Label slow, String call) {
    mv.visitLabel(slow);
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "sys", "L" + VS + ";");
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, VS, call, "(Ljava/lang/Object;)V", true);
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void emitFastMonitorExit(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "monitorExit",
        "(Ljava/lang/Object;)V", null, null);
    mv.visitCode();
    // emits: if (fastMonitors) { int t = heldTop - 1; Object[] h = held;
    //          if (t >= 0 && h[t] == o) { h[t] = null; heldTop = t; return; } }
    //        sys.monitorExit(o);
    Label slow = new Label();
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "fastMonitors", "Z");
    mv.visitJumpInsn(Opcodes.IFEQ, slow);
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "heldTop", "I");
    mv.visitInsn(Opcodes.ICONST_1);
    mv.visitInsn(Opcodes.ISUB);
    mv.visitVarInsn(Opcodes.ISTORE, 1);
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "held", "[Ljava/lang/Object;");
    mv.visitVarInsn(Opcodes.ASTORE, 2);
    mv.visitVarInsn(Opcodes.ILOAD, 1);
    mv.visitJumpInsn(Opcodes.IFLT, slow);
    mv.visitVarInsn(Opcodes.ALOAD, 2);
    mv.visitVarInsn(Opcodes.ILOAD, 1);
    mv.visitInsn(Opcodes.AALOAD);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitJumpInsn(Opcodes.IF_ACMPNE, slow);
    mv.visitVarInsn(Opcodes.ALOAD, 2);
    mv.visitVarInsn(Opcodes.ILOAD, 1);
    mv.visitInsn(Opcodes.ACONST_NULL);
    mv.visitInsn(Opcodes.AASTORE);
    mv.visitVarInsn(Opcodes.ILOAD, 1);
    mv.visitFieldInsn(Opcodes.PUTSTATIC, INTERNAL_NAME, "heldTop", "I");
    mv.visitInsn(Opcodes.RETURN);
    emitKernelMonitorCall(mv, slow, "monitorExit");
  }

  private static void emitClinit(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "clinit",
        "(Ljava/lang/String;)Z", null, null);
    mv.visitCode();
    // emits: return hook.initializing(cls);
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "hook", "L" + HOOK + ";");
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, HOOK, "initializing", "(Ljava/lang/String;)Z", true);
    mv.visitInsn(Opcodes.IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void emitForwarder(ClassWriter cw, Method m) {
    String desc = Type.getMethodDescriptor(m);
    String[] exceptions = Arrays.stream(m.getExceptionTypes()).map(Type::getInternalName).toArray(String[]::new);
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, m.getName(), desc, null,
        exceptions.length == 0 ? null : exceptions);
    mv.visitCode();
    // emits: return sys.<m>(args...);
    mv.visitFieldInsn(Opcodes.GETSTATIC, INTERNAL_NAME, "sys", "L" + VS + ";");
    int slot = 0;
    for (Type t : Type.getArgumentTypes(desc)) {
      mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
      slot += t.getSize();
    }
    mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, VS, m.getName(), desc, true);
    mv.visitInsn(Type.getReturnType(desc).getOpcode(Opcodes.IRETURN));
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }
}
