package io.roam.instrument.rewrite;

import static org.objectweb.asm.Opcodes.*;

import io.roam.instrument.runtime.ContextClass;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Virtualizes the monitors of process code: {@code monitorenter}/{@code monitorexit} become calls
 * of {@code Ctx.monitorEnter/monitorExit}, and a {@code synchronized} method loses its flag and
 * gets the same calls explicitly — enter at entry, exit before every return and in a catch-all
 * handler that rethrows. Afterwards no JVM monitor is held by process code, so points inside
 * {@code synchronized} are safe points, and a blocked {@code monitorEnter} can unwind (the kernel's
 * monitor table is captured with the process; docs/design/threads.md). Runs before {@link
 * ContinuationTransformer}, which sees ordinary calls. Class files older than 49 (no {@code ldc}
 * of a class) keep their static synchronized methods, which then stay without resume sites.
 */
public final class MonitorRewriter {
  private static final String CTX = ContextClass.INTERNAL_NAME;
  private static final String ENTER = "monitorEnter";
  private static final String EXIT = "monitorExit";
  private static final String DESC = "(Ljava/lang/Object;)V";

  private MonitorRewriter() {}

  /** Rewrites every method of {@code cn} in place. */
  public static void rewrite(ClassNode cn) {
    boolean ldcClass = (cn.version & 0xFFFF) >= Opcodes.V1_5;
    for (MethodNode m : cn.methods) {
      for (AbstractInsnNode insn : m.instructions.toArray()) {
        if (insn.getOpcode() == MONITORENTER) {
          m.instructions.set(insn, call(ENTER));
        } else if (insn.getOpcode() == MONITOREXIT) {
          m.instructions.set(insn, call(EXIT));
        }
      }
      boolean sync = (m.access & ACC_SYNCHRONIZED) != 0;
      boolean isStatic = (m.access & ACC_STATIC) != 0;
      if (sync && m.instructions.size() > 0 && (!isStatic || ldcClass)) {
        m.access &= ~ACC_SYNCHRONIZED;
        synchronize(cn, m, isStatic);
      }
    }
  }

  private static MethodInsnNode call(String name) {
    return new MethodInsnNode(INVOKESTATIC, CTX, name, DESC, false);
  }

  /**
   * emits, around the body of a formerly synchronized method:
   * <pre>
   *   Object lock = this (or Owner.class); Ctx.monitorEnter(lock);
   *   try { body, with Ctx.monitorExit(lock) before every return }
   *   catch (any t) { Ctx.monitorExit(lock); throw t; }
   * </pre>
   */
  private static void synchronize(ClassNode cn, MethodNode m, boolean isStatic) {
    int lock = m.maxLocals;
    m.maxLocals += 1;
    InsnList insns = m.instructions;
    for (AbstractInsnNode insn : insns.toArray()) {
      int op = insn.getOpcode();
      if (op >= IRETURN && op <= RETURN) {
        InsnList exit = new InsnList();
        exit.add(new VarInsnNode(ALOAD, lock));
        exit.add(call(EXIT));
        insns.insertBefore(insn, exit);
      }
    }
    LabelNode start = new LabelNode();
    LabelNode end = new LabelNode();
    LabelNode handler = new LabelNode();
    InsnList head = new InsnList();
    head.add(isStatic ? new LdcInsnNode(Type.getObjectType(cn.name)) : new VarInsnNode(ALOAD, 0));
    head.add(new VarInsnNode(ASTORE, lock));
    head.add(new VarInsnNode(ALOAD, lock));
    head.add(call(ENTER));
    head.add(start);
    insns.insert(head);
    insns.add(end);
    insns.add(handler);
    insns.add(new VarInsnNode(ALOAD, lock));
    insns.add(call(EXIT));
    insns.add(new InsnNode(ATHROW));
    m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    m.maxStack = Math.max(m.maxStack, 2);
  }
}
