package io.roam.instrument.analysis;

import io.roam.instrument.ClassHierarchy;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Types of every local and stack slot at every instruction of one method, and whether each
 * instruction runs while a monitor is held. Computed once on the method as it is before the
 * continuation rewrite.
 */
public final class MethodAnalysis {
  private final Frame<BasicValue>[] frames;
  private final boolean[] inMonitor;

  private MethodAnalysis(Frame<BasicValue>[] frames, boolean[] inMonitor) {
    this.frames = frames;
    this.inMonitor = inMonitor;
  }

  /** Analyses {@code method} of {@code owner}; throws when the bytecode does not verify. */
  public static MethodAnalysis of(ClassHierarchy hierarchy, ClassNode owner, MethodNode method)
      throws AnalyzerException {
    Type superType = owner.superName == null ? null : Type.getObjectType(owner.superName);
    List<Type> itfs = owner.interfaces.stream().map(Type::getObjectType).toList();
    TypeInterpreter interp = new TypeInterpreter(hierarchy, Type.getObjectType(owner.name), superType, itfs,
        (owner.access & Opcodes.ACC_INTERFACE) != 0);
    Analyzer<BasicValue> analyzer = new Analyzer<>(interp) {
      @Override
      protected Frame<BasicValue> newFrame(int locals, int stack) {
        return new TypeFrame(locals, stack);
      }

      @Override
      protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> f) {
        return new TypeFrame(f);
      }
    };
    Frame<BasicValue>[] frames = analyzer.analyze(owner.name, method);
    return new MethodAnalysis(frames, monitors(method));
  }

  /** The frame before the instruction at {@code index}, or null when it is unreachable. */
  public Frame<BasicValue> frame(int index) {
    return frames[index];
  }

  /** True when the instruction at {@code index} may run with a monitor held by this method. */
  public boolean inMonitor(int index) {
    return inMonitor[index];
  }

  /** True when no slot of the frame holds an object whose constructor has not run. */
  public static boolean initialized(Frame<BasicValue> f, int stackDepth) {
    for (int i = 0; i < f.getLocals(); i++) {
      if (f.getLocal(i) instanceof TypeInterpreter.Uninitialized) {
        return false;
      }
    }
    for (int i = 0; i < stackDepth; i++) {
      if (f.getStack(i) instanceof TypeInterpreter.Uninitialized) {
        return false;
      }
    }
    return true;
  }

  /** Monitor depth data flow: depth after MONITORENTER +1, after MONITOREXIT -1, merged by max. */
  private static boolean[] monitors(MethodNode m) {
    InsnList insns = m.instructions;
    int n = insns.size();
    int[] depth = new int[n];
    Arrays.fill(depth, -1);
    boolean sync = (m.access & Opcodes.ACC_SYNCHRONIZED) != 0;
    Deque<Integer> work = new ArrayDeque<>();
    if (n > 0) {
      depth[0] = sync ? 1 : 0;
      work.push(0);
    }
    while (!work.isEmpty()) {
      int i = work.pop();
      AbstractInsnNode insn = insns.get(i);
      int d = depth[i];
      int out = insn.getOpcode() == Opcodes.MONITORENTER ? Math.min(d + 1, 64)
          : insn.getOpcode() == Opcodes.MONITOREXIT ? Math.max(d - 1, sync ? 1 : 0) : d;
      for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
        if (insns.indexOf(tcb.start) <= i && i < insns.indexOf(tcb.end)) {
          flow(depth, work, insns.indexOf(tcb.handler), d);
        }
      }
      for (int s : successors(insns, insn, i)) {
        flow(depth, work, s, out);
      }
    }
    boolean[] in = new boolean[n];
    for (int i = 0; i < n; i++) {
      in[i] = depth[i] > 0;
    }
    return in;
  }

  private static void flow(int[] depth, Deque<Integer> work, int target, int d) {
    if (d > depth[target]) {
      depth[target] = d;
      work.push(target);
    }
  }

  private static int[] successors(InsnList insns, AbstractInsnNode insn, int i) {
    int op = insn.getOpcode();
    if (insn instanceof JumpInsnNode j) {
      int t = insns.indexOf(j.label);
      return op == Opcodes.GOTO || op == Opcodes.JSR ? new int[] {t} : new int[] {t, i + 1};
    }
    if (insn instanceof TableSwitchInsnNode t) {
      return targets(insns, t.dflt, t.labels);
    }
    if (insn instanceof LookupSwitchInsnNode l) {
      return targets(insns, l.dflt, l.labels);
    }
    if ((op >= Opcodes.IRETURN && op <= Opcodes.RETURN) || op == Opcodes.ATHROW || op == Opcodes.RET) {
      return new int[0];
    }
    return i + 1 < insns.size() ? new int[] {i + 1} : new int[0];
  }

  private static int[] targets(InsnList insns, LabelNode dflt, List<LabelNode> labels) {
    int[] r = new int[labels.size() + 1];
    r[0] = insns.indexOf(dflt);
    for (int k = 0; k < labels.size(); k++) {
      r[k + 1] = insns.indexOf(labels.get(k));
    }
    return r;
  }
}
