package io.roam.instrument.sandbox;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Which string arguments of calls in one method are constants: a source analysis of the method,
 * run once on first use. A method the analyzer cannot follow has no constant arguments (its
 * lookups are still checked at run time).
 */
final class ConstantArguments {
  private final MethodNode m;
  private Frame<SourceValue>[] frames;

  ConstantArguments(String owner, MethodNode m) {
    this.m = m;
    try {
      frames = new Analyzer<>(new SourceInterpreter()).analyze(owner, m);
    } catch (AnalyzerException | RuntimeException e) {
      frames = null;
    }
  }

  /** The constant value of the first {@code String} parameter of call {@code c}, or null. */
  String stringArgument(MethodInsnNode c) {
    Type[] args = Type.getArgumentTypes(c.desc);
    int index = -1;
    for (int i = 0; i < args.length && index < 0; i++) {
      if (args[i].getDescriptor().equals("Ljava/lang/String;")) {
        index = i;
      }
    }
    Frame<SourceValue> f = frames == null || index < 0 ? null : frames[m.instructions.indexOf(c)];
    if (f == null) {
      return null;
    }
    SourceValue v = f.getStack(f.getStackSize() - args.length + index);
    if (v.insns.size() != 1) {
      return null;
    }
    AbstractInsnNode source = v.insns.iterator().next();
    return source instanceof LdcInsnNode ldc && ldc.cst instanceof String s ? s : null;
  }
}
