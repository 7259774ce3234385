package io.roam.instrument.sandbox;

import io.roam.instrument.ClassHierarchy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The sandbox's load-time pass: finds every place in one process class where it would escape the
 * kernel, by the {@link RuleTable}. Reads the original class (before any rewriting) and changes
 * nothing; reports all violations of the class, in class-file order, each at most once per line.
 *
 * <p>What is judged here and what is left to run-time checks ({@link ReflectionGuard}) is in
 * docs/design/sandbox.md. Thread-safe; one instance per process (it caches member lookups against
 * the process's class hierarchy).
 */
public final class SandboxVerifier {
  private final ClassHierarchy hierarchy;
  /** {@code owner.name} → the rule that refuses it, walking the owner's superclasses. */
  private final Map<String, Optional<Rule>> members = new ConcurrentHashMap<>();

  public SandboxVerifier(ClassHierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  /** Every violation of a class file; empty when the class may load. */
  public List<Violation> verify(byte[] classFile) {
    ClassNode cn = new ClassNode();
    new ClassReader(classFile).accept(cn, ClassReader.SKIP_FRAMES);
    return verify(cn);
  }

  /** Every violation of a class (not modified); empty when the class may load. */
  public List<Violation> verify(ClassNode cn) {
    Set<Violation> out = new LinkedHashSet<>();
    String cls = cn.name.replace('/', '.');
    if (cn.superName != null) {
      for (String s : hierarchy.superChain(cn.superName)) {
        Rule r = RuleTable.supertype(s) != null ? RuleTable.supertype(s) : RuleTable.type(s);
        if (r != null) {
          out.add(new Violation(cls, null, null, -1, "extends " + dotted(s), r));
          break;
        }
      }
    }
    for (String i : cn.interfaces) {
      report(out, cls, null, null, -1, "implements " + dotted(i), RuleTable.type(i));
    }
    for (FieldNode f : cn.fields) {
      report(out, cls, null, null, -1, "declares field " + f.name + " of type " + Type.getType(f.desc).getClassName(),
          unsafeIn(Type.getType(f.desc)));
    }
    for (MethodNode m : cn.methods) {
      new MethodCheck(cls, m, out).run();
    }
    return new ArrayList<>(out);
  }

  private static void report(Set<Violation> out, String cls, String method, String desc, int line, String what,
      Rule rule) {
    if (rule != null) {
      out.add(new Violation(cls, method, desc, line, what, rule));
    }
  }

  /** The rule refusing member {@code name} of {@code owner} or of a superclass of it, or null. */
  Rule member(String owner, String name) {
    if (owner.startsWith("[")) {
      return RuleTable.type(owner);
    }
    return members.computeIfAbsent(owner + "." + name, k -> {
      for (String c : hierarchy.superChain(owner)) {
        Rule r = RuleTable.member(c, name);
        if (r != null) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }).orElse(null);
  }

  /** True when {@code owner} is {@code java.lang.ClassLoader} or a subclass of it. */
  boolean isClassLoader(String owner) {
    return !owner.startsWith("[") && hierarchy.superChain(owner).contains("java/lang/ClassLoader");
  }

  /** UNSAFE when the type, or a method type's argument or result, is an Unsafe class; else null. */
  static Rule unsafeIn(Type t) {
    if (t.getSort() == Type.METHOD) {
      for (Type a : t.getArgumentTypes()) {
        if (unsafeIn(a) != null) {
          return Rule.UNSAFE;
        }
      }
      return unsafeIn(t.getReturnType());
    }
    if (t.getSort() == Type.ARRAY) {
      return unsafeIn(t.getElementType());
    }
    Rule r = t.getSort() == Type.OBJECT ? RuleTable.type(t.getInternalName()) : null;
    return r == Rule.UNSAFE ? r : null;
  }

  static String dotted(String internalName) {
    return internalName.replace('/', '.');
  }

  /** The checks of one method: its declaration, then every instruction. */
  private final class MethodCheck {
    private final String cls;
    private final MethodNode m;
    private final Set<Violation> out;
    private int line = -1;
    private ConstantArguments constants;

    MethodCheck(String cls, MethodNode m, Set<Violation> out) {
      this.cls = cls;
      this.m = m;
      this.out = out;
    }

    void run() {
      if ((m.access & Opcodes.ACC_NATIVE) != 0) {
        add("declares a native method", Rule.NATIVE);
      }
      add("has Unsafe in its signature", unsafeIn(Type.getMethodType(m.desc)));
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof LineNumberNode ln) {
          line = ln.line;
        } else {
          check(insn);
        }
      }
    }

    private void add(String what, Rule rule) {
      report(out, cls, m.name, m.desc, line, what, rule);
    }

    private void check(AbstractInsnNode insn) {
      if (insn instanceof MethodInsnNode c) {
        add("calls " + dotted(c.owner) + "." + c.name, member(c.owner, c.name));
        String constant = reflectiveConstant(c);
        if (constant != null && RuleTable.isInternal(constant)) {
          add("calls " + dotted(c.owner) + "." + c.name + "(\"" + constant + "\")", Rule.REFLECT_INTERNAL);
        }
      } else if (insn instanceof FieldInsnNode f) {
        String verb = f.getOpcode() == Opcodes.GETFIELD || f.getOpcode() == Opcodes.GETSTATIC ? "reads" : "writes";
        add(verb + " field " + dotted(f.owner) + "." + f.name, member(f.owner, f.name));
      } else if (insn instanceof TypeInsnNode t && t.getOpcode() != Opcodes.NEW) {
        add("uses type " + Type.getObjectType(t.desc).getClassName(), RuleTable.type(t.desc));
      } else if (insn instanceof MultiANewArrayInsnNode a) {
        add("uses type " + Type.getType(a.desc).getClassName(), RuleTable.type(a.desc));
      } else if (insn instanceof LdcInsnNode ldc) {
        constant(ldc.cst);
      } else if (insn instanceof InvokeDynamicInsnNode indy) {
        constant(indy.bsm);
        for (Object a : indy.bsmArgs) {
          constant(a);
        }
      }
    }

    /** A loadable constant: a class literal, a method handle or a dynamic constant. */
    private void constant(Object cst) {
      if (cst instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
        add("uses class literal " + t.getClassName(), RuleTable.type(t.getInternalName()));
      } else if (cst instanceof Handle h) {
        add("refers to " + dotted(h.getOwner()) + "." + h.getName(), member(h.getOwner(), h.getName()));
      } else if (cst instanceof ConstantDynamic d) {
        constant(d.getBootstrapMethod());
        for (int i = 0; i < d.getBootstrapMethodArgumentCount(); i++) {
          constant(d.getBootstrapMethodArgument(i));
        }
      }
    }

    /** The constant class name passed to a by-name class lookup, or null when it is not constant. */
    private String reflectiveConstant(MethodInsnNode c) {
      boolean byName = (c.owner.equals("java/lang/Class") && c.name.equals("forName"))
          || (c.owner.equals("java/lang/invoke/MethodHandles$Lookup") && c.name.equals("findClass"))
          || (c.name.equals("loadClass") && c.getOpcode() != Opcodes.INVOKESTATIC && isClassLoader(c.owner));
      if (!byName) {
        return null;
      }
      if (constants == null) {
        constants = new ConstantArguments(cls.replace('.', '/'), m);
      }
      return constants.stringArgument(c);
    }
  }
}
