package io.roam.instrument.rewrite;

import static org.objectweb.asm.Opcodes.*;

import io.roam.instrument.ClassHierarchy;
import io.roam.instrument.runtime.ContextClass;
import io.roam.instrument.runtime.Rewritten;
import io.roam.instrument.runtime.StableIdentity;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Class-level changes that make a process class's state capturable and restorable:
 * <ul>
 *   <li>{@code final} is removed from fields, so the restore can set them (records included);
 *   <li>the topmost process class of a hierarchy gets a stable identity hash ({@link StableIdentity})
 *       and, where it would inherit {@code Object.hashCode}, a {@code hashCode()} answering it;
 *   <li>the static initializer of a class gets a prologue asking the kernel whether to run
 *       ({@code Ctx.clinit}): statics restored from a snapshot must not be initialized again;
 *   <li>the class is stamped with {@link Rewritten}.
 * </ul>
 * Interfaces keep their (necessarily final) static fields and initializers: they are initialized
 * again, on first use, in the JVM that resumes a process.
 */
public final class ClassShaper {
  private static final String SI = Type.getInternalName(StableIdentity.class);
  private static final String CTX = ContextClass.INTERNAL_NAME;

  private ClassShaper() {}

  /** Applies every change to {@code cn} in place. */
  public static void shape(ClassNode cn, ClassHierarchy hierarchy, int rewriterVersion) {
    stamp(cn, rewriterVersion);
    if ((cn.access & ACC_INTERFACE) != 0) {
      return;
    }
    for (FieldNode f : cn.fields) {
      f.access &= ~ACC_FINAL;
    }
    if (cn.superName != null && !hierarchy.isProcessClass(cn.superName)) {
      addStableIdentity(cn, hierarchy);
    }
    guardClinit(cn);
  }

  private static void stamp(ClassNode cn, int version) {
    AnnotationNode a = new AnnotationNode(Type.getDescriptor(Rewritten.class));
    a.visit("version", version);
    if (cn.visibleAnnotations == null) {
      cn.visibleAnnotations = new java.util.ArrayList<>();
    }
    cn.visibleAnnotations.add(a);
  }

  private static void addStableIdentity(ClassNode cn, ClassHierarchy hierarchy) {
    cn.interfaces.add(SI);
    cn.fields.add(new FieldNode(ACC_PRIVATE | ACC_SYNTHETIC | ACC_TRANSIENT, StableIdentity.FIELD, "I", null, null));
    MethodNode m = new MethodNode(ACC_PUBLIC | ACC_SYNTHETIC, StableIdentity.METHOD, "()I", null, null);
    InsnList il = m.instructions;
    LabelNode done = new LabelNode();
    // emits: int h = this.$roam$ihash; if (h == 0) { h = Ctx.nextIdentityHash(); this.$roam$ihash = h; } return h;
    il.add(new VarInsnNode(ALOAD, 0));
    il.add(new FieldInsnNode(GETFIELD, cn.name, StableIdentity.FIELD, "I"));
    il.add(new InsnNode(DUP));
    il.add(new JumpInsnNode(IFNE, done));
    il.add(new InsnNode(POP));
    il.add(new VarInsnNode(ALOAD, 0));
    il.add(new MethodInsnNode(INVOKESTATIC, CTX, "nextIdentityHash", "()I", false));
    il.add(new InsnNode(DUP_X1));
    il.add(new FieldInsnNode(PUTFIELD, cn.name, StableIdentity.FIELD, "I"));
    il.add(done);
    il.add(new InsnNode(IRETURN));
    m.maxStack = 3;
    m.maxLocals = 1;
    cn.methods.add(m);
    if (inheritsObjectHashCode(cn, hierarchy)) {
      MethodNode h = new MethodNode(ACC_PUBLIC | ACC_SYNTHETIC, "hashCode", "()I", null, null);
      // emits: return this.$roam$identityHash();
      h.instructions.add(new VarInsnNode(ALOAD, 0));
      h.instructions.add(new MethodInsnNode(INVOKEVIRTUAL, cn.name, StableIdentity.METHOD, "()I", false));
      h.instructions.add(new InsnNode(IRETURN));
      h.maxStack = 1;
      h.maxLocals = 1;
      cn.methods.add(h);
    }
  }

  private static boolean inheritsObjectHashCode(ClassNode cn, ClassHierarchy hierarchy) {
    if (cn.methods.stream().anyMatch(m -> m.name.equals("hashCode") && m.desc.equals("()I"))) {
      return false;
    }
    for (String c : hierarchy.superChain(cn.superName)) {
      if (c.equals("java/lang/Object")) {
        return true;
      }
      ClassHierarchy.Info i = hierarchy.info(c);
      if (i == null || i.declares("hashCode", "()I")) {
        return false;
      }
    }
    return false;
  }

  private static void guardClinit(ClassNode cn) {
    MethodNode clinit = cn.methods.stream().filter(m -> m.name.equals("<clinit>")).findFirst().orElse(null);
    if (clinit == null) {
      clinit = new MethodNode(ACC_STATIC, "<clinit>", "()V", null, null);
      clinit.instructions.add(new InsnNode(RETURN));
      cn.methods.add(clinit);
    }
    InsnList il = new InsnList();
    LabelNode run = new LabelNode();
    // emits: if (Ctx.clinit("pkg.Name")) return;
    il.add(new LdcInsnNode(cn.name.replace('/', '.')));
    il.add(new MethodInsnNode(INVOKESTATIC, CTX, "clinit", "(Ljava/lang/String;)Z", false));
    il.add(new JumpInsnNode(IFEQ, run));
    il.add(new InsnNode(RETURN));
    il.add(run);
    clinit.instructions.insert(il);
    clinit.maxStack = Math.max(clinit.maxStack, 1);
  }
}
