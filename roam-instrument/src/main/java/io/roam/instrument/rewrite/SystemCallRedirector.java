package io.roam.instrument.rewrite;

import static org.objectweb.asm.Opcodes.*;

import io.roam.instrument.runtime.ContextClass;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Call-site virtualization: redirects the calls of process code that touch the JVM's own process
 * state (console, clock, exit, sleep, current thread, identity hashes, thread locals, the shared
 * random generator) to the per-process context class, whose static forwarders reach the kernel's
 * {@link io.roam.instrument.runtime.VirtualSystem} (keep the table in sync with it), and the
 * JDK's functional combinators to {@link CombinatorRedirector}'s capturable replacements.
 */
public final class SystemCallRedirector {
  private static final String CTX = ContextClass.INTERNAL_NAME;
  static final String VTL = "io/roam/instrument/runtime/VThreadLocal";

  /** {@code owner.name desc} of a static call → name of the context forwarder (same descriptor). */
  private static final Map<String, String> STATIC_CALLS = Map.ofEntries(
      Map.entry("java/lang/System.exit(I)V", "exit"),
      Map.entry("java/lang/System.currentTimeMillis()J", "currentTimeMillis"),
      Map.entry("java/lang/System.nanoTime()J", "nanoTime"),
      Map.entry("java/lang/System.identityHashCode(Ljava/lang/Object;)I", "identityHashCode"),
      Map.entry("java/lang/System.setOut(Ljava/io/PrintStream;)V", "setOut"),
      Map.entry("java/lang/System.setErr(Ljava/io/PrintStream;)V", "setErr"),
      Map.entry("java/lang/System.setIn(Ljava/io/InputStream;)V", "setIn"),
      Map.entry("java/lang/Thread.sleep(J)V", "sleep"),
      Map.entry("java/lang/Thread.sleep(JI)V", "sleep"),
      Map.entry("java/lang/Thread.sleep(Ljava/time/Duration;)V", "sleep"),
      Map.entry("java/lang/Thread.yield()V", "yield"),
      Map.entry("java/lang/Thread.currentThread()Ljava/lang/Thread;", "currentThread"),
      Map.entry("java/lang/Math.random()D", "mathRandom"),
      Map.entry("java/lang/Thread.interrupted()Z", "threadInterrupted"),
      Map.entry("java/lang/Thread.holdsLock(Ljava/lang/Object;)Z", "holdsLock"),
      Map.entry("java/lang/Thread.onSpinWait()V", "yield"),
      Map.entry("java/lang/StrictMath.random()D", "mathRandom"),
      // io.roam.api.Roam: the process's kernel (VirtualSystem.roam*)
      Map.entry("io/roam/api/Roam.isUnderRoam()Z", "roamIsUnderRoam"),
      Map.entry("io/roam/api/Roam.self()Lio/roam/api/Pid;", "roamSelf"),
      Map.entry("io/roam/api/Roam.send(Lio/roam/api/Pid;Ljava/lang/Object;)V", "roamSend"),
      Map.entry("io/roam/api/Roam.receive(J)Lio/roam/api/Message;", "roamReceive"),
      Map.entry("io/roam/api/Roam.receive()Lio/roam/api/Message;", "roamReceive"),
      Map.entry("io/roam/api/Roam.spawn(Ljava/lang/String;[Ljava/lang/String;)Lio/roam/api/Pid;", "roamSpawn"),
      Map.entry("io/roam/api/Roam.fork()Lio/roam/api/Pid;", "roamFork"),
      Map.entry("io/roam/api/Roam.checkpoint()Z", "roamCheckpoint"),
      Map.entry("io/roam/api/Roam.migrateHint(Ljava/lang/String;)V", "roamMigrateHint"));

  /** Instance calls on JDK objects → static forwarder taking the receiver first. */
  private static final Map<String, String> VIRTUAL_CALLS = Map.ofEntries(
      Map.entry("java/util/concurrent/TimeUnit.sleep(J)V", "sleep"),
      Map.entry("java/util/concurrent/TimeUnit.timedJoin(Ljava/lang/Thread;J)V", "threadJoin"),
      Map.entry("java/util/concurrent/TimeUnit.timedWait(Ljava/lang/Object;J)V", "objectWait"),
      Map.entry("java/lang/Runtime.exit(I)V", "runtimeExit"),
      Map.entry("java/lang/Runtime.halt(I)V", "runtimeHalt"));

  private static final Map<String, String> STATIC_FIELDS = Map.of(
      "java/lang/System.out", "out", "java/lang/System.err", "err", "java/lang/System.in", "in");

  private static final String TRACES = "io/roam/instrument/runtime/Traces";

  private SystemCallRedirector() {}

  /** Rewrites every method of {@code cn} in place. */
  public static void rewrite(ClassNode cn, io.roam.instrument.ClassHierarchy hierarchy) {
    if ("java/lang/ThreadLocal".equals(cn.superName)) {
      cn.superName = VTL;
    }
    ThreadCallRedirector.rewrite(cn, hierarchy);
    for (MethodNode m : cn.methods) {
      for (AbstractInsnNode insn : m.instructions.toArray()) {
        rewrite(m, insn);
        redirectTraces(m, insn, hierarchy);
      }
    }
  }

  /** {@code t.printStackTrace(..)} and {@code t.getStackTrace()} on any throwable → {@code Traces}. */
  private static void redirectTraces(MethodNode m, AbstractInsnNode insn, io.roam.instrument.ClassHierarchy h) {
    if (insn instanceof MethodInsnNode c && c.getOpcode() == INVOKEVIRTUAL
        && (c.name.equals("printStackTrace") || (c.name.equals("getStackTrace") && c.desc.startsWith("()")))
        && !c.owner.startsWith("[") && h.isAssignableFrom("java/lang/Throwable", c.owner)) {
      m.instructions.set(insn, new MethodInsnNode(INVOKESTATIC, TRACES, c.name,
          "(Ljava/lang/Throwable;" + c.desc.substring(1), false));
    }
  }

  private static void rewrite(MethodNode m, AbstractInsnNode insn) {
    if (insn instanceof FieldInsnNode f && f.getOpcode() == GETSTATIC) {
      String name = STATIC_FIELDS.get(f.owner + "." + f.name);
      if (name != null) {
        m.instructions.set(insn, new MethodInsnNode(INVOKESTATIC, CTX, name, "()" + f.desc, false));
      }
    } else if (insn instanceof MethodInsnNode c) {
      MethodInsnNode combinator = CombinatorRedirector.replacement(c);
      if (combinator != null) {
        m.instructions.set(insn, combinator);
        return;
      }
      String sig = c.owner + "." + c.name + c.desc;
      if (c.getOpcode() == INVOKESTATIC && STATIC_CALLS.containsKey(sig)) {
        m.instructions.set(insn, new MethodInsnNode(INVOKESTATIC, CTX, STATIC_CALLS.get(sig), c.desc, false));
      } else if (c.getOpcode() == INVOKEVIRTUAL && VIRTUAL_CALLS.containsKey(sig)) {
        m.instructions.set(insn, new MethodInsnNode(INVOKESTATIC, CTX, VIRTUAL_CALLS.get(sig),
            "(L" + c.owner + ";" + c.desc.substring(1), false));
      } else if (c.getOpcode() == INVOKESPECIAL && sig.equals("java/lang/Object.hashCode()I")) {
        m.instructions.set(insn, new MethodInsnNode(INVOKESTATIC, CTX, "identityHashCode", "(Ljava/lang/Object;)I", false));
      } else if (c.owner.equals("java/lang/ThreadLocal")
          && (c.name.equals("<init>") || c.name.equals("withInitial"))) {
        c.owner = VTL;
        if (c.name.equals("withInitial")) {
          c.desc = "(Ljava/util/function/Supplier;)L" + VTL + ";";
        }
      }
    } else if (insn instanceof TypeInsnNode t && t.getOpcode() == NEW && t.desc.equals("java/lang/ThreadLocal")) {
      t.desc = VTL;
    }
  }
}
