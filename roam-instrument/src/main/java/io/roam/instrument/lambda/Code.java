package io.roam.instrument.lambda;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A straight-line instruction sequence that tracks the depth of its operand stack, so that the
 * methods this package emits carry exact {@code maxStack}/{@code maxLocals} without a
 * {@code COMPUTE_MAXS} pass. The code has no branches and no handlers, hence needs no stack map
 * frames. Use: append instructions in execution order, then {@link #installIn} once.
 */
final class Code {
  /** The instructions appended so far. */
  private final InsnList insns = new InsnList();
  /** Current operand stack depth, in slots. */
  private int depth;
  /** Largest depth reached so far, in slots. */
  private int maxDepth;

  Code load(Type type, int slot) {
    insns.add(new VarInsnNode(type.getOpcode(ILOAD), slot));
    return grow(type.getSize());
  }

  /** Loads the parameters {@code params} starting at local {@code firstSlot}. */
  Code loadAll(Type[] params, int firstSlot) {
    int slot = firstSlot;
    for (Type p : params) {
      load(p, slot);
      slot += p.getSize();
    }
    return this;
  }

  Code getField(String owner, String name, Type type) {
    insns.add(new FieldInsnNode(GETFIELD, owner, name, type.getDescriptor()));
    return grow(type.getSize() - 1);
  }

  Code putField(String owner, String name, Type type) {
    insns.add(new FieldInsnNode(PUTFIELD, owner, name, type.getDescriptor()));
    return grow(-1 - type.getSize());
  }

  Code getStatic(String owner, String name, Type type) {
    insns.add(new FieldInsnNode(GETSTATIC, owner, name, type.getDescriptor()));
    return grow(type.getSize());
  }

  Code putStatic(String owner, String name, Type type) {
    insns.add(new FieldInsnNode(PUTSTATIC, owner, name, type.getDescriptor()));
    return grow(-type.getSize());
  }

  Code invoke(int opcode, String owner, String name, String desc, boolean itf) {
    insns.add(new MethodInsnNode(opcode, owner, name, desc, itf));
    int sizes = Type.getArgumentsAndReturnSizes(desc);
    int receiver = opcode == INVOKESTATIC ? 0 : 1;
    return grow(-((sizes >> 2) - 1) - receiver + (sizes & 3));
  }

  /** {@code NEW} of an internal name. */
  Code newInstance(String type) {
    insns.add(new TypeInsnNode(NEW, type));
    return grow(1);
  }

  Code checkcast(String type) {
    insns.add(new TypeInsnNode(CHECKCAST, type));
    return this;
  }

  /** A zero-operand instruction ({@code DUP}, {@code POP}, {@code I2L}, ...), its stack delta. */
  Code insn(int opcode, int stackDelta) {
    insns.add(new InsnNode(opcode));
    return grow(stackDelta);
  }

  /** Returns a value of {@code type} (or nothing when it is {@code void}). */
  Code ret(Type type) {
    insns.add(new InsnNode(type.getOpcode(IRETURN)));
    return grow(-type.getSize());
  }

  /** Makes this code the body of {@code m}, which takes {@code maxLocals} slots of locals. */
  MethodNode installIn(MethodNode m, int maxLocals) {
    m.instructions = insns;
    m.maxStack = maxDepth;
    m.maxLocals = maxLocals;
    return m;
  }

  private Code grow(int delta) {
    depth += delta;
    maxDepth = Math.max(maxDepth, depth);
    return this;
  }

  /** Slots taken by {@code params}. */
  static int size(Type[] params) {
    int s = 0;
    for (Type p : params) {
      s += p.getSize();
    }
    return s;
  }
}
