package io.roam.instrument.rewrite;

import static org.objectweb.asm.Opcodes.*;

import io.roam.instrument.ClassHierarchy;
import io.roam.instrument.runtime.ContextClass;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Redirects what process code does with threads to the kernel (part of {@link
 * SystemCallRedirector}; keep both in sync with {@code VirtualSystem}):
 * <ul>
 *   <li>{@code Object.wait/notify/notifyAll} on any receiver → {@code Ctx.objectWait/…}, taking
 *       the receiver first;
 *   <li>calls of {@code Thread} methods ({@link #THREAD_CALLS}) on any receiver typed as a {@code
 *       Thread} → {@code Ctx.thread…(Thread, …)}; a virtual call whose static owner is a process
 *       class that overrides the method is left alone (the override runs; its {@code super} call
 *       is redirected);
 *   <li>{@code new Thread(…)} and {@code extends Thread} → {@link
 *       io.roam.instrument.runtime.VThread}; a constructor without a name gets {@code
 *       Ctx.nextThreadName()} as one more argument, so names are numbered per process.
 * </ul>
 */
final class ThreadCallRedirector {
  private static final String CTX = ContextClass.INTERNAL_NAME;
  private static final String THREAD = "java/lang/Thread";
  static final String VTHREAD = "io/roam/instrument/runtime/VThread";

  /** {@code name desc} of an Object method → forwarder (receiver first). */
  private static final Map<String, String> OBJECT_CALLS = Map.of(
      "wait()V", "objectWait",
      "wait(J)V", "objectWait",
      "wait(JI)V", "objectWait",
      "notify()V", "objectNotify",
      "notifyAll()V", "objectNotifyAll");

  /** {@code name desc} of a Thread instance method → forwarder (receiver first). */
  private static final Map<String, String> THREAD_CALLS = Map.ofEntries(
      Map.entry("start()V", "threadStart"),
      Map.entry("join()V", "threadJoin"),
      Map.entry("join(J)V", "threadJoin"),
      Map.entry("join(JI)V", "threadJoin"),
      Map.entry("join(Ljava/time/Duration;)Z", "threadJoin"),
      Map.entry("isAlive()Z", "threadIsAlive"),
      Map.entry("getState()Ljava/lang/Thread$State;", "threadGetState"),
      Map.entry("interrupt()V", "threadInterrupt"),
      Map.entry("isInterrupted()Z", "threadIsInterrupted"),
      Map.entry("setDaemon(Z)V", "threadSetDaemon"),
      Map.entry("isDaemon()Z", "threadIsDaemon"),
      Map.entry("getName()Ljava/lang/String;", "threadGetName"),
      Map.entry("setName(Ljava/lang/String;)V", "threadSetName"),
      Map.entry("getId()J", "threadGetId"),
      Map.entry("threadId()J", "threadGetId"),
      Map.entry("setPriority(I)V", "threadSetPriority"),
      Map.entry("getPriority()I", "threadGetPriority"));

  /** Thread constructors without a name → the VThread constructor taking one more, the name. */
  private static final Map<String, String> UNNAMED_CONSTRUCTORS = Map.of(
      "()V", "(Ljava/lang/String;)V",
      "(Ljava/lang/Runnable;)V", "(Ljava/lang/Runnable;Ljava/lang/String;)V",
      "(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;)V",
      "(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;Ljava/lang/String;)V");

  private ThreadCallRedirector() {}

  static void rewrite(ClassNode cn, ClassHierarchy hierarchy) {
    if (THREAD.equals(cn.superName)) {
      cn.superName = VTHREAD;
    }
    for (MethodNode m : cn.methods) {
      for (AbstractInsnNode insn : m.instructions.toArray()) {
        if (insn instanceof MethodInsnNode c) {
          rewrite(m, c, hierarchy);
        } else if (insn instanceof TypeInsnNode t && t.getOpcode() == NEW && t.desc.equals(THREAD)) {
          t.desc = VTHREAD;
        }
      }
    }
  }

  private static void rewrite(MethodNode m, MethodInsnNode c, ClassHierarchy h) {
    String sig = c.name + c.desc;
    int op = c.getOpcode();
    if (c.owner.equals(THREAD) && c.name.equals("<init>")) {
      c.owner = VTHREAD;
      String named = UNNAMED_CONSTRUCTORS.get(c.desc);
      if (named != null) {
        m.instructions.insertBefore(c, new MethodInsnNode(INVOKESTATIC, CTX, "nextThreadName",
            "()Ljava/lang/String;", false));
        c.desc = named;
      }
      return;
    }
    if (op != INVOKEVIRTUAL && op != INVOKEINTERFACE && op != INVOKESPECIAL) {
      return;
    }
    if (c.owner.startsWith("[")) {
      return;
    }
    String forwarder = OBJECT_CALLS.get(sig);
    if (forwarder == null && THREAD_CALLS.containsKey(sig) && isThread(c.owner, h)
        && (op == INVOKESPECIAL || !overriddenByProcess(c.owner, sig, h))) {
      forwarder = THREAD_CALLS.get(sig);
    }
    if (forwarder == null || c.name.equals("<init>")) {
      return;
    }
    m.instructions.set(c, new MethodInsnNode(INVOKESTATIC, CTX, forwarder,
        "(" + (OBJECT_CALLS.containsKey(sig) ? "Ljava/lang/Object;" : "Ljava/lang/Thread;")
            + c.desc.substring(1), false));
  }

  private static boolean isThread(String owner, ClassHierarchy h) {
    return owner.equals(THREAD) || owner.equals(VTHREAD) || h.isAssignableFrom(THREAD, owner);
  }

  /** True when a process class on the owner's superclass chain declares the method. */
  private static boolean overriddenByProcess(String owner, String sig, ClassHierarchy h) {
    for (String k = owner; k != null; ) {
      ClassHierarchy.Info info = h.info(k);
      if (info == null || !info.isProcess()) {
        return false;
      }
      if (info.methods().contains(sig)) {
        return true;
      }
      k = info.superName();
    }
    return false;
  }
}
