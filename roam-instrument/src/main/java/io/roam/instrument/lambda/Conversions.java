package io.roam.instrument.lambda;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Type;

/**
 * The value adaptations {@code LambdaMetafactory} performs between the functional method's
 * parameters and the implementation's, and between the implementation's result and the
 * functional method's: a port of the JDK's {@code TypeConvertingMethodAdapter.convertType} (JDK 17
 * and 25 agree but for the owner of the unboxing call; this follows 25), so that a rewritten site
 * throws the same {@code ClassCastException} or {@code NullPointerException} where the original
 * would. Rules, for a value of type {@code arg}, the functional (instantiated) type
 * {@code functional} and the target type {@code target}:
 * <ul>
 *   <li>primitive to primitive: widening ({@code I2L}, {@code F2D}, ...);
 *   <li>primitive to a wrapper: widen to the wrapper's primitive, then box ({@code valueOf});
 *   <li>primitive to another reference: box to its own wrapper, then cast;
 *   <li>reference to anything: first cast to {@code functional} (when it is a reference);
 *   <li>then to a primitive: unbox — a numeric wrapper straight to the target
 *       ({@code Number.longValue()}), {@code Character}/{@code Boolean} to their primitive then
 *       widen, any other reference through a cast to {@code Number} (or to {@code Character},
 *       {@code Boolean} for those targets);
 *   <li>then to a reference: cast to {@code target}.
 * </ul>
 * A cast to {@code Object} or to the type the value already has is not emitted; {@code void} on
 * either side converts nothing.
 */
final class Conversions {
  private static final Type OBJECT = Type.getObjectType("java/lang/Object");
  private static final String NUMBER = "java/lang/Number";

  private Conversions() {}

  /**
   * Appends to {@code code} the conversion of the value of type {@code arg} on top of the stack to
   * {@code target}, asserting on the way that it is a {@code functional}.
   */
  static void convert(Code code, Type arg, Type target, Type functional) {
    if (arg.equals(target) && arg.equals(functional)) {
      return;
    }
    if (arg.getSort() == Type.VOID || target.getSort() == Type.VOID) {
      return;
    }
    if (isPrimitive(arg)) {
      fromPrimitive(code, arg, target);
    } else {
      fromReference(code, arg, target, functional);
    }
  }

  private static void fromPrimitive(Code code, Type arg, Type target) {
    if (isPrimitive(target)) {
      widen(code, arg, target);
      return;
    }
    Type unboxedTarget = primitiveOf(target);
    if (unboxedTarget != null) {
      widen(code, arg, unboxedTarget);
      box(code, unboxedTarget);
    } else {
      box(code, arg);
      cast(code, wrapperOf(arg), target);
    }
  }

  private static void fromReference(Code code, Type arg, Type target, Type functional) {
    Type source = arg;
    if (!isPrimitive(functional)) {
      cast(code, arg, functional);
      source = functional;
    }
    if (!isPrimitive(target)) {
      cast(code, source, target);
      return;
    }
    Type unboxedSource = primitiveOf(source);
    if (unboxedSource == null) {
      cast(code, source, isNumeric(target) ? Type.getObjectType(NUMBER) : wrapperOf(target));
      unbox(code, target);
    } else if (isNumeric(unboxedSource)) {
      unbox(code, target);
    } else {
      unbox(code, unboxedSource);
      widen(code, unboxedSource, target);
    }
  }

  // emits: (T) value — unless T is Object or the value's own type
  private static void cast(Code code, Type from, Type to) {
    if (!to.equals(from) && !to.equals(OBJECT)) {
      code.checkcast(to.getInternalName());
    }
  }

  // emits: Wrapper.valueOf(value)
  private static void box(Code code, Type primitive) {
    Type wrapper = wrapperOf(primitive);
    code.invoke(INVOKESTATIC, wrapper.getInternalName(), "valueOf",
        Type.getMethodDescriptor(wrapper, primitive), false);
  }

  // emits: ((Number) value).intValue() (longValue(), ...), or Character.charValue(),
  // Boolean.booleanValue()
  private static void unbox(Code code, Type primitive) {
    String owner = isNumeric(primitive) ? NUMBER : wrapperOf(primitive).getInternalName();
    code.invoke(INVOKEVIRTUAL, owner, primitive.getClassName() + "Value",
        Type.getMethodDescriptor(primitive), false);
  }

  // emits: I2L, I2F, I2D, L2F, L2D or F2D (or nothing between int-like types)
  private static void widen(Code code, Type from, Type to) {
    int f = computational(from);
    int t = computational(to);
    if (f == t) {
      return;
    }
    int opcode = f == Type.INT ? I2L + (t == Type.LONG ? 0 : t == Type.FLOAT ? 1 : 2)
        : f == Type.LONG ? (t == Type.INT ? L2I : t == Type.FLOAT ? L2F : L2D)
        : f == Type.FLOAT ? (t == Type.INT ? F2I : t == Type.LONG ? F2L : F2D)
        : (t == Type.INT ? D2I : t == Type.LONG ? D2L : D2F);
    code.insn(opcode, to.getSize() - from.getSize());
  }

  /** INT for the int-like types, else the type's own sort. */
  private static int computational(Type t) {
    int s = t.getSort();
    return s == Type.LONG || s == Type.FLOAT || s == Type.DOUBLE ? s : Type.INT;
  }

  private static boolean isPrimitive(Type t) {
    return t.getSort() < Type.ARRAY;
  }

  /** Byte, short, int, long, float, double: the types a {@code Number} unboxes to. */
  private static boolean isNumeric(Type primitive) {
    int s = primitive.getSort();
    return s != Type.BOOLEAN && s != Type.CHAR;
  }

  /** The primitive a wrapper class holds, or null when {@code t} is not a wrapper. */
  static Type primitiveOf(Type t) {
    if (t.getSort() != Type.OBJECT) {
      return null;
    }
    return switch (t.getInternalName()) {
      case "java/lang/Boolean" -> Type.BOOLEAN_TYPE;
      case "java/lang/Character" -> Type.CHAR_TYPE;
      case "java/lang/Byte" -> Type.BYTE_TYPE;
      case "java/lang/Short" -> Type.SHORT_TYPE;
      case "java/lang/Integer" -> Type.INT_TYPE;
      case "java/lang/Long" -> Type.LONG_TYPE;
      case "java/lang/Float" -> Type.FLOAT_TYPE;
      case "java/lang/Double" -> Type.DOUBLE_TYPE;
      default -> null;
    };
  }

  /** The wrapper class of a primitive type. */
  static Type wrapperOf(Type primitive) {
    String name = switch (primitive.getSort()) {
      case Type.BOOLEAN -> "java/lang/Boolean";
      case Type.CHAR -> "java/lang/Character";
      case Type.BYTE -> "java/lang/Byte";
      case Type.SHORT -> "java/lang/Short";
      case Type.INT -> "java/lang/Integer";
      case Type.LONG -> "java/lang/Long";
      case Type.FLOAT -> "java/lang/Float";
      case Type.DOUBLE -> "java/lang/Double";
      default -> throw new IllegalArgumentException("not a primitive type: " + primitive);
    };
    return Type.getObjectType(name);
  }
}
