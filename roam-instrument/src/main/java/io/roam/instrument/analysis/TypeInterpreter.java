package io.roam.instrument.analysis;

import io.roam.instrument.ClassHierarchy;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

/**
 * ASM's {@link SimpleVerifier} answered from a {@link ClassHierarchy} instead of loaded classes,
 * and aware of uninitialized objects: a {@code NEW} produces an {@link Uninitialized} value until
 * its constructor has been called (see {@link TypeFrame}).
 */
final class TypeInterpreter extends SimpleVerifier {
  /** The value of a {@code NEW} before its constructor ran; identity is the {@code NEW} insn. */
  static final class Uninitialized extends BasicValue {
    final AbstractInsnNode newInsn;

    Uninitialized(Type type, AbstractInsnNode newInsn) {
      super(type);
      this.newInsn = newInsn;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Uninitialized u && u.newInsn == newInsn;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(newInsn);
    }
  }

  private final ClassHierarchy hierarchy;

  TypeInterpreter(ClassHierarchy hierarchy, Type owner, Type superType, List<Type> interfaces, boolean isInterface) {
    super(Opcodes.ASM9, owner, superType, interfaces, isInterface);
    this.hierarchy = hierarchy;
  }

  @Override
  public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
    if (insn.getOpcode() == Opcodes.NEW) {
      return new Uninitialized(Type.getObjectType(((TypeInsnNode) insn).desc), insn);
    }
    return super.newOperation(insn);
  }

  @Override
  public BasicValue merge(BasicValue a, BasicValue b) {
    if ((a instanceof Uninitialized || b instanceof Uninitialized) && !a.equals(b)) {
      return BasicValue.UNINITIALIZED_VALUE;
    }
    return super.merge(a, b);
  }

  @Override
  protected boolean isInterface(Type type) {
    ClassHierarchy.Info i = hierarchy.info(type.getInternalName());
    return i != null && i.isInterface();
  }

  @Override
  protected Type getSuperClass(Type type) {
    ClassHierarchy.Info i = hierarchy.info(type.getInternalName());
    return i == null || i.superName() == null ? Type.getObjectType("java/lang/Object")
        : Type.getObjectType(i.superName());
  }

  @Override
  protected boolean isAssignableFrom(Type to, Type from) {
    if (to.equals(from)) {
      return true;
    }
    int ts = to.getSort();
    int fs = from.getSort();
    if (ts == Type.OBJECT && fs == Type.OBJECT) {
      if (from.getInternalName().equals("null")) {
        return true;
      }
      return hierarchy.info(from.getInternalName()) == null
          || hierarchy.isAssignableFrom(to.getInternalName(), from.getInternalName());
    }
    if (ts == Type.OBJECT && fs == Type.ARRAY) {
      String n = to.getInternalName();
      return n.equals("java/lang/Object") || n.equals("java/lang/Cloneable") || n.equals("java/io/Serializable");
    }
    if (ts == Type.ARRAY && fs == Type.ARRAY) {
      Type te = Type.getType(to.getDescriptor().substring(1));
      Type fe = Type.getType(from.getDescriptor().substring(1));
      boolean refs = (te.getSort() == Type.OBJECT || te.getSort() == Type.ARRAY)
          && (fe.getSort() == Type.OBJECT || fe.getSort() == Type.ARRAY);
      return refs ? isAssignableFrom(te, fe) : te.equals(fe);
    }
    return false;
  }

  @Override
  protected Class<?> getClass(Type type) {
    throw new IllegalStateException("class loading is not allowed during analysis: " + type);
  }
}
