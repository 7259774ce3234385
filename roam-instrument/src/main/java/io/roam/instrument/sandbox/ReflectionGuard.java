package io.roam.instrument.sandbox;

import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.DUP2;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;

import io.roam.instrument.ClassHierarchy;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The sandbox's rewriting pass: puts the run-time checks of {@code
 * io.roam.instrument.runtime.Sandbox} (keep in sync with it) around the reflective calls whose
 * target only the running program knows — opening members ({@code setAccessible}, {@code
 * privateLookupIn}), looking up classes by name, and obtaining members and method handles. The
 * original call is kept, so that caller-sensitive JDK methods see the process class as caller:
 *
 * <pre>
 * before: DUP or DUP2 (copies of the one or two arguments); INVOKESTATIC Sandbox.check…(…)V; call
 * after:  call; INVOKESTATIC Sandbox.check…(T)T   (returns the result unchanged or throws)
 * </pre>
 *
 * {@code Lookup.bind} is replaced by {@code Sandbox.bind}, which calls it (it is not
 * caller-sensitive). Runs after the verifier, on every class the instrumenter emits.
 */
public final class ReflectionGuard {
  private static final String SANDBOX = "io/roam/instrument/runtime/Sandbox";
  private static final String AO = "java/lang/reflect/AccessibleObject";
  private static final String CLASS = "java/lang/Class";
  private static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";

  /** {@code owner.name desc} → checks before the call: how many arguments to copy, and the check's descriptor. */
  private static final Map<String, String[]> BEFORE = Map.of(
      AO + ".setAccessible(Z)V", new String[] {"2", "checkSetAccessible", "(L" + AO + ";Z)V"},
      AO + ".trySetAccessible()Z", new String[] {"1", "checkTrySetAccessible", "(L" + AO + ";)V"},
      AO + ".setAccessible([L" + AO + ";Z)V", new String[] {"2", "checkSetAccessibleAll", "([L" + AO + ";Z)V"},
      "java/lang/invoke/MethodHandles.privateLookupIn(Ljava/lang/Class;L" + LOOKUP + ";)L" + LOOKUP + ";",
      new String[] {"2", "checkPrivateLookupIn", "(Ljava/lang/Class;L" + LOOKUP + ";)V"},
      CLASS + ".newInstance()Ljava/lang/Object;", new String[] {"1", "checkNewInstance", "(Ljava/lang/Class;)V"});

  /** {@code owner.name} → the check after the call (its descriptor is {@code (R)R}). */
  private static final Map<String, String> AFTER = Map.ofEntries(
      Map.entry(CLASS + ".forName", "checkClass"),
      Map.entry(LOOKUP + ".findClass", "checkClass"),
      Map.entry(CLASS + ".getMethod", "checkMethod"),
      Map.entry(CLASS + ".getDeclaredMethod", "checkMethod"),
      Map.entry(CLASS + ".getMethods", "checkMethods"),
      Map.entry(CLASS + ".getDeclaredMethods", "checkMethods"),
      Map.entry(CLASS + ".getConstructor", "checkConstructor"),
      Map.entry(CLASS + ".getDeclaredConstructor", "checkConstructor"),
      Map.entry(CLASS + ".getConstructors", "checkConstructors"),
      Map.entry(CLASS + ".getDeclaredConstructors", "checkConstructors"),
      Map.entry(CLASS + ".getField", "checkField"),
      Map.entry(CLASS + ".getDeclaredField", "checkField"),
      Map.entry(CLASS + ".getFields", "checkFields"),
      Map.entry(CLASS + ".getDeclaredFields", "checkFields"));

  private ReflectionGuard() {}

  /** Rewrites the reflective call sites of every method of {@code cn} in place. */
  public static void rewrite(ClassNode cn, ClassHierarchy hierarchy) {
    for (MethodNode m : cn.methods) {
      for (AbstractInsnNode insn : m.instructions.toArray()) {
        if (insn instanceof MethodInsnNode c) {
          guard(m, c, hierarchy);
        }
      }
    }
  }

  private static void guard(MethodNode m, MethodInsnNode c, ClassHierarchy h) {
    String owner = c.getOpcode() != INVOKESTATIC && isAccessibleObject(c.owner, h) ? AO : c.owner;
    String[] before = BEFORE.get(owner + "." + c.name + c.desc);
    if (before != null) {
      InsnList il = new InsnList();
      il.add(new InsnNode(before[0].equals("2") ? DUP2 : DUP));
      il.add(new MethodInsnNode(INVOKESTATIC, SANDBOX, before[1], before[2], false));
      m.instructions.insertBefore(c, il);
      return;
    }
    if (c.owner.equals(LOOKUP) && c.name.equals("bind")) {
      m.instructions.set(c, new MethodInsnNode(INVOKESTATIC, SANDBOX, "bind", "(L" + LOOKUP + ";" + c.desc.substring(1),
          false));
      return;
    }
    String after = AFTER.get(c.owner + "." + c.name);
    if (after == null && c.getOpcode() == INVOKEVIRTUAL && c.name.equals("loadClass")
        && c.desc.startsWith("(Ljava/lang/String;") && h.superChain(c.owner).contains("java/lang/ClassLoader")) {
      after = "checkClass";
    } else if (after == null && c.owner.equals(LOOKUP) && (c.name.startsWith("find") || c.name.startsWith("unreflect"))
        && c.desc.endsWith(")Ljava/lang/invoke/MethodHandle;")) {
      after = "checkHandle";
    }
    if (after != null) {
      String r = Type.getReturnType(c.desc).getDescriptor();
      m.instructions.insert(c, new MethodInsnNode(INVOKESTATIC, SANDBOX, after, "(" + r + ")" + r, false));
    }
  }

  private static boolean isAccessibleObject(String owner, ClassHierarchy h) {
    return owner.startsWith("java/lang/reflect/") && h.superChain(owner).contains(AO);
  }
}
