package io.roam.instrument.rewrite;

import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;

import io.roam.instrument.runtime.Combinators;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Redirects process calls of the JDK's functional combinators ({@code Comparator.comparing},
 * {@code thenComparing}, {@code Function.andThen}, {@code Predicate.not}, …) to {@link
 * Combinators}, whose results are capturable classes rather than the JDK's hidden lambda classes.
 * Static interface methods keep their descriptor; default methods called through the interface
 * ({@code invokeinterface}) become static calls taking the receiver first. The table is read off
 * {@link Combinators} itself, so adding a method there is all it takes.
 */
final class CombinatorRedirector {
  private static final String TARGET = Type.getInternalName(Combinators.class);

  /** Interface internal name → the prefix of its methods in {@link Combinators}. */
  private static final Map<String, String> PREFIX = new HashMap<>();

  /** {@code owner.name desc} of a JDK call → descriptor of its replacement (same name scheme). */
  private static final Map<String, Redirect> CALLS = new HashMap<>();

  record Redirect(String name, String desc) {}

  static {
    PREFIX.put("java/util/Comparator", "Comparator");
    PREFIX.put("java/util/Map$Entry", "MapEntry");
    for (String f : new String[] {"Function", "UnaryOperator", "BiFunction", "BinaryOperator",
        "Predicate", "BiPredicate", "Consumer", "BiConsumer", "IntPredicate", "LongPredicate",
        "DoublePredicate", "IntUnaryOperator", "LongUnaryOperator", "DoubleUnaryOperator",
        "IntConsumer", "LongConsumer", "DoubleConsumer"}) {
      PREFIX.put("java/util/function/" + f, f);
    }
    Map<String, String> owners = new HashMap<>();
    PREFIX.forEach((owner, prefix) -> owners.put(prefix, owner));
    for (Method m : Combinators.class.getDeclaredMethods()) {
      int us = m.getName().indexOf('_');
      if (!Modifier.isPublic(m.getModifiers()) || us < 0) {
        continue;
      }
      String owner = owners.get(m.getName().substring(0, us));
      String name = m.getName().substring(us + 1);
      String desc = Type.getMethodDescriptor(m);
      Type[] args = Type.getArgumentTypes(m);
      if (args.length > 0 && args[0].getInternalName().equals(owner)) {
        // A default method: the receiver comes first. Sub-interfaces inherit it
        // (UnaryOperator.andThen is Function.andThen).
        String original = "(" + desc.substring(1 + args[0].getDescriptor().length());
        CALLS.put(owner + "." + name + original, new Redirect(m.getName(), desc));
        if (owner.equals("java/util/function/Function")) {
          CALLS.put("java/util/function/UnaryOperator." + name + original, new Redirect(m.getName(), desc));
        } else if (owner.equals("java/util/function/BiFunction")) {
          CALLS.put("java/util/function/BinaryOperator." + name + original, new Redirect(m.getName(), desc));
        }
      } else {
        CALLS.put("static " + owner + "." + name + desc, new Redirect(m.getName(), desc));
      }
    }
  }

  private CombinatorRedirector() {}

  /** The replacement of call {@code c}, or null when it is not a redirected combinator. */
  static MethodInsnNode replacement(MethodInsnNode c) {
    if (!PREFIX.containsKey(c.owner)) {
      return null;
    }
    Redirect r = c.getOpcode() == INVOKESTATIC ? CALLS.get("static " + c.owner + "." + c.name + c.desc)
        : c.getOpcode() == INVOKEINTERFACE ? CALLS.get(c.owner + "." + c.name + c.desc) : null;
    return r == null ? null : new MethodInsnNode(INVOKESTATIC, TARGET, r.name(), r.desc(), false);
  }
}
