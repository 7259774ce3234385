package io.roam.instrument.analysis;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/** A frame that turns every copy of an uninitialized object into an initialized one once its constructor is called. */
final class TypeFrame extends Frame<BasicValue> {
  TypeFrame(int locals, int stack) {
    super(locals, stack);
  }

  TypeFrame(Frame<? extends BasicValue> f) {
    super(f);
  }

  @Override
  public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
    if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")) {
      int args = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
      BasicValue receiver = getStack(getStackSize() - args - 1);
      super.execute(insn, interpreter);
      if (receiver instanceof TypeInterpreter.Uninitialized) {
        BasicValue done = new BasicValue(receiver.getType());
        for (int i = 0; i < getLocals(); i++) {
          if (receiver.equals(getLocal(i))) {
            setLocal(i, done);
          }
        }
        for (int i = 0; i < getStackSize(); i++) {
          if (receiver.equals(getStack(i))) {
            setStack(i, done);
          }
        }
      }
      return;
    }
    super.execute(insn, interpreter);
  }
}
