package io.roam.instrument.rewrite;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/** Deep copy of a method's code under another name, with fresh labels (ASM shares them otherwise). */
final class MethodCopier {
  private MethodCopier() {}

  static MethodNode copy(MethodNode m, String name, int access) {
    MethodNode c = new MethodNode(access, name, m.desc, m.signature,
        m.exceptions == null ? null : m.exceptions.toArray(String[]::new));
    Map<LabelNode, LabelNode> labels = new HashMap<>();
    for (AbstractInsnNode i : m.instructions) {
      if (i instanceof LabelNode l) {
        labels.put(l, new LabelNode());
      }
    }
    for (AbstractInsnNode i : m.instructions) {
      c.instructions.add(i.clone(labels));
    }
    for (TryCatchBlockNode t : m.tryCatchBlocks) {
      c.tryCatchBlocks.add(new TryCatchBlockNode(labels.get(t.start), labels.get(t.end),
          labels.get(t.handler), t.type));
    }
    if (m.localVariables != null) {
      c.localVariables = new java.util.ArrayList<>();
      for (LocalVariableNode v : m.localVariables) {
        c.localVariables.add(new LocalVariableNode(v.name, v.desc, v.signature, labels.get(v.start),
            labels.get(v.end), v.index));
      }
    }
    c.maxLocals = m.maxLocals;
    c.maxStack = m.maxStack;
    return c;
  }
}
