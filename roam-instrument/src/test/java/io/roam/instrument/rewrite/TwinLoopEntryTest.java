package io.roam.instrument.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.Instrumenter;
import loopfixture.LoopNest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.Opcodes;

/**
 * Regression: a rewind twin's dispatch jumped straight to an inner loop's poll, entering the
 * enclosing loops in their middle. C2 does not optimise such irreducible loops, and a twin that
 * is entered again and again (a process preempted every slice) ran at 0.6 of its speed. Every
 * jump into a loop of a twin, from outside that loop, must land on the loop's head.
 */
class TwinLoopEntryTest {
  static byte[] bytes(String internalName) {
    try (InputStream in = TwinLoopEntryTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void twinsEnterLoopsOnlyAtTheirHeads() {
    String name = LoopNest.class.getName().replace('.', '/');
    Instrumenter.Result r = new Instrumenter(n -> n.equals(name) ? bytes(n) : null,
        TwinLoopEntryTest.class.getClassLoader()).instrument(bytes(name));
    ClassNode cn = new ClassNode();
    new ClassReader(r.bytes()).accept(cn, 0);
    int twins = 0;
    for (MethodNode m : cn.methods) {
      if (m.name.contains("$roam$r$") && (m.name.startsWith("sor") || m.name.startsWith("search"))) {
        twins++;
        assertThat(sideEntries(m)).as(m.name).isEmpty();
      }
    }
    assertThat(twins).isEqualTo(2);
  }

  /**
   * Retreating edges (found by a depth-first walk of the control-flow graph) whose target does not
   * dominate their source: each one is a loop entered other than at its head (irreducible).
   */
  static List<String> sideEntries(MethodNode m) {
    InsnList il = m.instructions;
    int n = il.size();
    List<List<Integer>> succ = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> out = new ArrayList<>();
      AbstractInsnNode x = il.get(i);
      for (LabelNode t : targets(x)) {
        out.add(il.indexOf(t));
      }
      int op = x.getOpcode();
      boolean ends = op == Opcodes.GOTO || op == Opcodes.ATHROW || op == Opcodes.TABLESWITCH
          || op == Opcodes.LOOKUPSWITCH || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN);
      if (!ends && i + 1 < n) {
        out.add(i + 1);
      }
      for (TryCatchBlockNode t : m.tryCatchBlocks) {
        if (il.indexOf(t.start) <= i && i < il.indexOf(t.end)) {
          out.add(il.indexOf(t.handler));
        }
      }
      succ.add(out);
    }
    // Dominators, iteratively over the reachable nodes (a bit set per node).
    java.util.BitSet[] dom = new java.util.BitSet[n];
    java.util.BitSet all = new java.util.BitSet(n);
    all.set(0, n);
    for (int i = 0; i < n; i++) {
      dom[i] = (java.util.BitSet) all.clone();
    }
    dom[0] = new java.util.BitSet(n);
    dom[0].set(0);
    List<List<Integer>> pred = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pred.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int t : succ.get(i)) {
        pred.get(t).add(i);
      }
    }
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int i = 1; i < n; i++) {
        java.util.BitSet d = (java.util.BitSet) all.clone();
        boolean any = false;
        for (int p : pred.get(i)) {
          d.and(dom[p]);
          any = true;
        }
        if (!any) {
          d.clear();
        }
        d.set(i);
        if (!d.equals(dom[i])) {
          dom[i] = d;
          changed = true;
        }
      }
    }
    // Depth-first walk: an edge to a node on the stack is retreating.
    List<String> bad = new ArrayList<>();
    int[] state = new int[n]; // 0 new, 1 on stack, 2 done
    java.util.Deque<int[]> stack = new java.util.ArrayDeque<>();
    stack.push(new int[] {0, 0});
    state[0] = 1;
    while (!stack.isEmpty()) {
      int[] top = stack.peek();
      List<Integer> out = succ.get(top[0]);
      if (top[1] == out.size()) {
        state[top[0]] = 2;
        stack.pop();
        continue;
      }
      int t = out.get(top[1]++);
      if (state[t] == 1 && !dom[top[0]].get(t)) {
        bad.add("edge " + top[0] + " -> " + t + " enters a loop other than at its head");
      } else if (state[t] == 0) {
        state[t] = 1;
        stack.push(new int[] {t, 0});
      }
    }
    return bad;
  }

  private static List<LabelNode> targets(AbstractInsnNode n) {
    if (n instanceof JumpInsnNode j) {
      return List.of(j.label);
    }
    List<LabelNode> out = new ArrayList<>();
    if (n instanceof TableSwitchInsnNode t) {
      out.add(t.dflt);
      out.addAll(t.labels);
    } else if (n instanceof LookupSwitchInsnNode t) {
      out.add(t.dflt);
      out.addAll(t.labels);
    }
    return out;
  }
}
