package io.roam.instrument.rewrite;

import java.util.ArrayDeque;
import java.util.Deque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Removes unreachable instructions from a method before it is written. A rewind twin starts with
 * an unconditional dispatch, so the copy of its method's entry (an entry poll, say) is dead; ASM
 * would replace dead code by {@code nop … athrow} when it computes frames, dropping invoke
 * instructions, and the resume sites, which are recorded as ordinals among a method's invokes,
 * would then name the wrong instructions (a resumed frame would never again be found safe).
 * Removing the dead code first keeps the tree and the written method in step.
 */
public final class DeadCode {
  private DeadCode() {}

  /** Removes what no path from the entry (or a reachable exception handler) reaches. */
  public static void remove(String owner, MethodNode m) {
    if (m.instructions.size() == 0) {
      return;
    }
    boolean[] live = reachable(m);
    AbstractInsnNode[] insns = m.instructions.toArray();
    boolean removed = false;
    for (int i = 0; i < insns.length; i++) {
      if (!live[i] && insns[i].getOpcode() >= 0) {
        m.instructions.remove(insns[i]);
        removed = true;
      }
    }
    if (removed) {
      m.tryCatchBlocks.removeIf(DeadCode::empty);
    }
  }

  /** Control-flow reachability (no stack simulation): jumps, switches, fall-through, handlers. */
  private static boolean[] reachable(MethodNode m) {
    InsnList il = m.instructions;
    boolean[] live = new boolean[il.size()];
    Deque<Integer> work = new ArrayDeque<>();
    work.push(0);
    boolean grew = true;
    while (grew) {
      while (!work.isEmpty()) {
        int i = work.pop();
        if (i >= live.length || live[i]) {
          continue;
        }
        live[i] = true;
        AbstractInsnNode n = il.get(i);
        if (n instanceof JumpInsnNode j) {
          work.push(il.indexOf(j.label));
        } else if (n instanceof TableSwitchInsnNode t) {
          work.push(il.indexOf(t.dflt));
          t.labels.forEach(l -> work.push(il.indexOf(l)));
        } else if (n instanceof LookupSwitchInsnNode t) {
          work.push(il.indexOf(t.dflt));
          t.labels.forEach(l -> work.push(il.indexOf(l)));
        }
        if (!endsFlow(n)) {
          work.push(i + 1);
        }
      }
      grew = false;
      for (TryCatchBlockNode t : m.tryCatchBlocks) {
        int h = il.indexOf(t.handler);
        if (!live[h] && anyLive(live, il.indexOf(t.start), il.indexOf(t.end))) {
          work.push(h);
          grew = true;
        }
      }
    }
    return live;
  }

  private static boolean endsFlow(AbstractInsnNode n) {
    int op = n.getOpcode();
    return op == Opcodes.GOTO || op == Opcodes.ATHROW || op == Opcodes.TABLESWITCH
        || op == Opcodes.LOOKUPSWITCH || op == Opcodes.RET || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN);
  }

  private static boolean anyLive(boolean[] live, int from, int to) {
    for (int i = from; i < to; i++) {
      if (live[i]) {
        return true;
      }
    }
    return false;
  }
  private static boolean empty(TryCatchBlockNode t) {
    for (AbstractInsnNode i = t.start; i != null && i != t.end; i = i.getNext()) {
      if (i.getOpcode() >= 0) {
        return false;
      }
    }
    return true;
  }
}
