package io.roam.instrument.lambda;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;

/**
 * One {@code invokedynamic} bootstrapped by {@code LambdaMetafactory.metafactory} or
 * {@code .altMetafactory}, decoded. Only sites that {@code LambdaMetafactory} itself could link are
 * decoded ({@link #parse} answers empty otherwise, and such a site is left as it is, to fail the
 * way it always would).
 *
 * @param interfaceMethod name of the functional method (the indy's name)
 * @param factoryType the indy's descriptor: captured values in, the functional interface out
 * @param samType erased descriptor of the functional method
 * @param impl the implementation method handle
 * @param instantiatedType {@code samType} specialised at the call site (casts are to its types)
 * @param serializable altMetafactory's {@code FLAG_SERIALIZABLE}
 * @param markers altMetafactory's marker interfaces ({@code FLAG_MARKERS}), internal names
 * @param bridges altMetafactory's extra method types ({@code FLAG_BRIDGES})
 */
record LambdaSite(
    String interfaceMethod,
    Type factoryType,
    Type samType,
    Handle impl,
    Type instantiatedType,
    boolean serializable,
    List<String> markers,
    List<Type> bridges) {

  /** Owner of the two bootstrap methods. */
  static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";
  private static final String METAFACTORY_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;"
      + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;"
      + "Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;";
  private static final String ALT_METAFACTORY_DESC = "(Ljava/lang/invoke/MethodHandles$Lookup;"
      + "Ljava/lang/String;Ljava/lang/invoke/MethodType;[Ljava/lang/Object;)"
      + "Ljava/lang/invoke/CallSite;";
  // keep in sync with java.lang.invoke.LambdaMetafactory.FLAG_*
  private static final int FLAG_SERIALIZABLE = 1;
  private static final int FLAG_MARKERS = 2;
  private static final int FLAG_BRIDGES = 4;

  /** True when {@code indy} is bootstrapped by either method of {@code LambdaMetafactory}. */
  static boolean isLambdaMetafactory(InvokeDynamicInsnNode indy) {
    Handle bsm = indy.bsm;
    return bsm.getTag() == H_INVOKESTATIC
        && bsm.getOwner().equals(LAMBDA_METAFACTORY)
        && (bsm.getName().equals("metafactory") && bsm.getDesc().equals(METAFACTORY_DESC)
            || bsm.getName().equals("altMetafactory")
                && bsm.getDesc().equals(ALT_METAFACTORY_DESC));
  }

  /** Decodes {@code indy}, or answers empty when it is not a lambda site this package handles. */
  static Optional<LambdaSite> parse(InvokeDynamicInsnNode indy) {
    if (!isLambdaMetafactory(indy)) {
      return Optional.empty();
    }
    Object[] a = indy.bsmArgs;
    if (a.length < 3 || !isMethodType(a[0]) || !(a[1] instanceof Handle impl)
        || !isMethodType(a[2])) {
      return Optional.empty();
    }
    boolean alt = indy.bsm.getName().equals("altMetafactory");
    Optional<Extras> extras = alt ? Extras.read(a) : Optional.of(Extras.NONE);
    if (extras.isEmpty() || !alt && a.length != 3) {
      return Optional.empty();
    }
    Extras x = extras.get();
    LambdaSite site = new LambdaSite(indy.name, Type.getMethodType(indy.desc), (Type) a[0], impl,
        (Type) a[2], x.serializable(), x.markers(), x.bridges());
    return site.isLinkable() ? Optional.of(site) : Optional.empty();
  }

  /** Types of the captured values, in order. */
  Type[] captured() {
    return factoryType.getArgumentTypes();
  }

  /** Internal name of the functional interface. */
  String functionalInterface() {
    return factoryType.getReturnType().getInternalName();
  }

  /** True when the implementation takes a receiver (virtual, interface or special invocation). */
  boolean hasReceiver() {
    int tag = impl.getTag();
    return tag == H_INVOKEVIRTUAL || tag == H_INVOKEINTERFACE || tag == H_INVOKESPECIAL;
  }

  /**
   * The static type of the receiver at the call site: the first captured value when there is one,
   * else the first parameter of the instantiated method type. Only for {@link #hasReceiver}.
   */
  Type receiverAtSite() {
    Type[] captured = captured();
    return captured.length > 0 ? captured[0] : instantiatedType.getArgumentTypes()[0];
  }

  private boolean isLinkable() {
    int tag = impl.getTag();
    boolean invocable = hasReceiver() || tag == H_INVOKESTATIC
        || tag == H_NEWINVOKESPECIAL && impl.getName().equals("<init>");
    if (!invocable || factoryType.getReturnType().getSort() != Type.OBJECT) {
      return false;
    }
    int samArity = samType.getArgumentTypes().length;
    if (instantiatedType.getArgumentTypes().length != samArity) {
      return false;
    }
    for (Type bridge : bridges) {
      if (bridge.getArgumentTypes().length != samArity) {
        return false;
      }
    }
    int implArity = Type.getArgumentTypes(impl.getDesc()).length + (hasReceiver() ? 1 : 0);
    if (captured().length + samArity != implArity || returnsNothingWhereValueNeeded()) {
      return false;
    }
    return !hasReceiver() || isReference(receiverAtSite());
  }

  /** A {@code void} implementation cannot serve a functional method that returns a value. */
  private boolean returnsNothingWhereValueNeeded() {
    if (tagIs(H_NEWINVOKESPECIAL) || Type.getReturnType(impl.getDesc()).getSort() != Type.VOID) {
      return false;
    }
    if (samType.getReturnType().getSort() != Type.VOID) {
      return true;
    }
    return bridges.stream().anyMatch(b -> b.getReturnType().getSort() != Type.VOID);
  }

  private boolean tagIs(int tag) {
    return impl.getTag() == tag;
  }

  private static boolean isMethodType(Object o) {
    return o instanceof Type t && t.getSort() == Type.METHOD;
  }

  private static boolean isReference(Type t) {
    return t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
  }

  /** What altMetafactory's arguments after the third add: flags, markers, bridges. */
  private record Extras(boolean serializable, List<String> markers, List<Type> bridges) {
    static final Extras NONE = new Extras(false, List.of(), List.of());

    /** Decodes {@code a[3..]}, or answers empty when they are malformed. */
    static Optional<Extras> read(Object[] a) {
      if (a.length < 4 || !(a[3] instanceof Integer flags)) {
        return Optional.empty();
      }
      List<String> markers = new ArrayList<>();
      List<Type> bridges = new ArrayList<>();
      int next = 4;
      if ((flags & FLAG_MARKERS) != 0) {
        next = readTypes(a, next, Type.OBJECT, markers, Type::getInternalName);
      }
      if (next >= 0 && (flags & FLAG_BRIDGES) != 0) {
        next = readTypes(a, next, Type.METHOD, bridges, t -> t);
      }
      if (next != a.length) {
        return Optional.empty();
      }
      return Optional.of(new Extras((flags & FLAG_SERIALIZABLE) != 0, List.copyOf(markers),
          List.copyOf(bridges)));
    }

    /** Reads a count and that many types of {@code sort}; answers the next index, or -1. */
    private static <T> int readTypes(
        Object[] a, int at, int sort, List<T> into, Function<Type, T> map) {
      if (at >= a.length || !(a[at] instanceof Integer count) || count < 0
          || at + 1 + count > a.length) {
        return -1;
      }
      for (int i = at + 1; i <= at + count; i++) {
        if (!(a[i] instanceof Type t) || t.getSort() != sort) {
          return -1;
        }
        into.add(map.apply(t));
      }
      return at + 1 + count;
    }
  }
}
