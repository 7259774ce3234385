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
 *
 * <p><b>Leaf monitors.</b> In a method that can run no process code of its own accord — no call,
 * no backward jump (so no safe-point poll), no allocation or static access that could run a
 * class initializer, no subroutine — a monitor region contains no safe point: no other thread of
 * the process can run inside it, no capture can stop in it, and nothing in it can start a thread.
 * Such a method calls {@code Ctx.monitorEnterLeaf/monitorExitLeaf}, which do nothing at all while
 * the process has a single thread (the kernel's fast-monitor mode), so the object does not escape
 * and the JIT can elide the lock as it does in plain Java (SciMark's synchronized random
 * generator). With more threads they are the kernel's monitor calls.
 */
public final class MonitorRewriter {
  private static final String CTX = ContextClass.INTERNAL_NAME;
  private static final String ENTER = "monitorEnter";
  private static final String EXIT = "monitorExit";
  private static final String DESC = "(Ljava/lang/Object;)V";
  /** Suffix of the leaf variants (see the class comment). */
  public static final String LEAF = "Leaf";

  private MonitorRewriter() {}

  /** Rewrites every method of {@code cn} in place. */
  public static void rewrite(ClassNode cn) {
    boolean ldcClass = (cn.version & 0xFFFF) >= Opcodes.V1_5;
    for (MethodNode m : cn.methods) {
      String suffix = isLeaf(cn, m) ? LEAF : "";
      for (AbstractInsnNode insn : m.instructions.toArray()) {
        if (insn.getOpcode() == MONITORENTER) {
          m.instructions.set(insn, call(ENTER + suffix));
        } else if (insn.getOpcode() == MONITOREXIT) {
          m.instructions.set(insn, call(EXIT + suffix));
        }
      }
      boolean sync = (m.access & ACC_SYNCHRONIZED) != 0;
      boolean isStatic = (m.access & ACC_STATIC) != 0;
      if (sync && m.instructions.size() > 0 && (!isStatic || ldcClass)) {
        m.access &= ~ACC_SYNCHRONIZED;
        synchronize(cn, m, isStatic, suffix);
      }
    }
  }

  /**
   * True when no process code can run while {@code m} runs, other than {@code m} itself, and
   * {@code m} has no safe point: no invocation, no backward jump, no {@code new}, no static field
   * of another class (its initializer could run), no JSR/RET, and every {@code monitorexit} comes
   * after a {@code monitorenter} of the method (javac's shape: the regions are the method's own).
   */
  static boolean isLeaf(ClassNode cn, MethodNode m) {
    if (m.name.equals("<clinit>") || m.instructions.size() == 0) {
      return false;
    }
    boolean entered = false;
    int index = 0;
    java.util.Map<LabelNode, Integer> at = new java.util.HashMap<>();
    for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
      if (insn instanceof LabelNode l) {
        at.put(l, index);
      }
      index++;
    }
    index = 0;
    for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext(), index++) {
      int op = insn.getOpcode();
      switch (op) {
        case INVOKEVIRTUAL, INVOKESPECIAL, INVOKESTATIC, INVOKEINTERFACE, INVOKEDYNAMIC, NEW, JSR, RET:
          return false;
        case LDC: // a dynamic constant runs its bootstrap method
          if (((org.objectweb.asm.tree.LdcInsnNode) insn).cst instanceof org.objectweb.asm.ConstantDynamic) {
            return false;
          }
          break;
        case GETSTATIC, PUTSTATIC:
          if (!((org.objectweb.asm.tree.FieldInsnNode) insn).owner.equals(cn.name)) {
            return false;
          }
          break;
        case MONITORENTER:
          entered = true;
          break;
        case MONITOREXIT:
          if (!entered) {
            return false;
          }
          break;
        default:
          break;
      }
      if (insn instanceof org.objectweb.asm.tree.JumpInsnNode j && at.get(j.label) <= index) {
        return false;
      }
      if (insn instanceof org.objectweb.asm.tree.TableSwitchInsnNode t && backward(at, t.dflt, t.labels, index)) {
        return false;
      }
      if (insn instanceof org.objectweb.asm.tree.LookupSwitchInsnNode t && backward(at, t.dflt, t.labels, index)) {
        return false;
      }
    }
    return true;
  }

  private static boolean backward(java.util.Map<LabelNode, Integer> at, LabelNode dflt,
      java.util.List<LabelNode> labels, int index) {
    if (at.get(dflt) <= index) {
      return true;
    }
    for (LabelNode l : labels) {
      if (at.get(l) <= index) {
        return true;
      }
    }
    return false;
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
  private static void synchronize(ClassNode cn, MethodNode m, boolean isStatic, String suffix) {
    int lock = m.maxLocals;
    m.maxLocals += 1;
    InsnList insns = m.instructions;
    for (AbstractInsnNode insn : insns.toArray()) {
      int op = insn.getOpcode();
      if (op >= IRETURN && op <= RETURN) {
        InsnList exit = new InsnList();
        exit.add(new VarInsnNode(ALOAD, lock));
        exit.add(call(EXIT + suffix));
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
    head.add(call(ENTER + suffix));
    head.add(start);
    insns.insert(head);
    insns.add(end);
    insns.add(handler);
    insns.add(new VarInsnNode(ALOAD, lock));
    insns.add(call(EXIT + suffix));
    insns.add(new InsnNode(ATHROW));
    m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    m.maxStack = Math.max(m.maxStack, 2);
  }
}
