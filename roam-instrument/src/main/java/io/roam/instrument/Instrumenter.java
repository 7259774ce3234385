package io.roam.instrument;

import io.roam.instrument.lambda.LambdaRewriter;
import io.roam.instrument.rewrite.BytecodeOffsets;
import io.roam.instrument.rewrite.DeadCode;
import io.roam.instrument.rewrite.FileRedirector;
import io.roam.instrument.rewrite.MonitorRewriter;
import io.roam.instrument.rewrite.ClassShaper;
import io.roam.instrument.rewrite.ContinuationTransformer;
import io.roam.instrument.rewrite.SystemCallRedirector;
import io.roam.instrument.sandbox.ReflectionGuard;
import io.roam.instrument.sandbox.SandboxVerifier;
import io.roam.instrument.sandbox.SandboxViolationException;
import io.roam.instrument.sandbox.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Rewrites the classes of one process so that it can be captured by unwinding and restored by
 * rewinding (DESIGN.md, "State capture"). Pipeline per class: refuse it if it would escape the
 * kernel (the sandbox, docs/design/sandbox.md) → inline JSR/RET subroutines → replace
 * lambda metafactory call sites by generated classes → redirect virtual system calls and
 * file calls → guard
 * reflective calls with the sandbox's run-time checks → reshape the
 * class (fields, identity hash, static initializer guard, stamp) → make every method resumable →
 * write with frames computed against the process's own class hierarchy.
 *
 * <p>Deterministic: the same input bytes and {@link #VERSION} always give the same output, so
 * resume sites recorded in a snapshot match the code that a different JVM rewrites again.
 * Thread-safe.
 */
public final class Instrumenter {
  /** Rewriter version; stamped into every class and every snapshot. Bump on any output change. */
  public static final int VERSION = 6;

  /** The result of rewriting one class. */
  public record Result(
      String name,
      byte[] bytes,
      Map<String, int[]> safeInvokeOffsets,
      Map<String, Result> generated) {}

  private final ClassHierarchy hierarchy;
  private final SandboxVerifier sandbox;
  private final Map<String, byte[]> generatedOriginals = new ConcurrentHashMap<>();

  /**
   * @param processClasses original bytes of the process's classes
   * @param platform loader of everything that is not a process class
   */
  public Instrumenter(ClassHierarchy.Source processClasses, ClassLoader platform) {
    this.hierarchy = new ClassHierarchy(n -> {
      byte[] g = generatedOriginals.get(n);
      return g != null ? g : processClasses.classBytes(n);
    }, platform);
    this.sandbox = new SandboxVerifier(hierarchy);
  }

  /** The hierarchy this instrumenter analyses against. */
  public ClassHierarchy hierarchy() {
    return hierarchy;
  }

  /**
   * Rewrites one process class.
   *
   * @throws SandboxViolationException listing every violation when the class would escape the kernel
   */
  public Result instrument(byte[] original) {
    List<Violation> violations = sandbox.verify(original);
    if (!violations.isEmpty()) {
      throw new SandboxViolationException(violations);
    }
    Set<String> excluded = new HashSet<>();
    while (true) {
      try {
        return attempt(original, excluded);
      } catch (MethodTooLargeException e) {
        if (!excluded.add(e.getMethodName() + e.getDescriptor())) {
          throw new InstrumentationException(e.getClassName(), e.getMethodName(), e.getDescriptor(),
              "method is too large even without resume sites", e);
        }
      }
    }
  }

  private Result attempt(byte[] original, Set<String> excluded) {
    ClassNode cn = read(original);
    Map<String, ClassNode> lambdas = (cn.version & 0xFFFF) >= Opcodes.V1_8
        ? LambdaRewriter.rewrite(cn) : Map.of();
    for (Map.Entry<String, ClassNode> g : lambdas.entrySet()) {
      ClassWriter w = new ClassWriter(0);
      g.getValue().accept(w);
      generatedOriginals.put(g.getKey(), w.toByteArray());
    }
    Map<String, Result> generated = new LinkedHashMap<>();
    for (Map.Entry<String, ClassNode> g : lambdas.entrySet()) {
      generated.put(g.getKey(), finish(g.getValue(), Set.of(), Map.of()));
    }
    return finish(cn, excluded, generated);
  }

  private Result finish(ClassNode cn, Set<String> excluded, Map<String, Result> generated) {
    SystemCallRedirector.rewrite(cn, hierarchy);
    FileRedirector.rewrite(cn);
    MonitorRewriter.rewrite(cn);
    ReflectionGuard.rewrite(cn, hierarchy);
    ClassShaper.shape(cn, hierarchy, VERSION);
    Map<String, List<Integer>> ordinals = new HashMap<>();
    for (MethodNode m : new ArrayList<>(cn.methods)) {
      if (excluded.contains(m.name + m.desc)) {
        continue;
      }
      ContinuationTransformer.transform(hierarchy, cn, m, cn.methods.indexOf(m)).forEach((id, safe) -> {
        MethodNode target = cn.methods.stream().filter(x -> id.equals(x.name + x.desc)).findFirst().orElseThrow();
        DeadCode.remove(cn.name, target);
        ordinals.put(id, invokeOrdinals(target, safe));
      });
    }
    byte[] bytes = write(cn);
    Map<String, int[]> offsets = new HashMap<>();
    Map<String, int[]> all = BytecodeOffsets.invokeOffsets(bytes);
    ordinals.forEach((m, ords) -> {
      int[] invokes = all.get(m);
      offsets.put(m, ords.stream().mapToInt(o -> invokes[o]).toArray());
    });
    return new Result(cn.name, bytes, offsets, generated);
  }

  private static List<Integer> invokeOrdinals(MethodNode m, Set<MethodInsnNode> safe) {
    List<Integer> ords = new ArrayList<>();
    int ordinal = 0;
    for (AbstractInsnNode i : m.instructions) {
      if (i instanceof MethodInsnNode || i instanceof InvokeDynamicInsnNode) {
        if (safe.contains(i)) {
          ords.add(ordinal);
        }
        ordinal++;
      }
    }
    return ords;
  }

  private static ClassNode read(byte[] original) {
    ClassNode cn = new ClassNode();
    new ClassReader(original).accept(new ClassVisitor(Opcodes.ASM9, cn) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exc) {
        MethodVisitor next = super.visitMethod(access, name, desc, sig, exc);
        return new JSRInlinerAdapter(next, access, name, desc, sig, exc);
      }
    }, 0);
    return cn;
  }

  private byte[] write(ClassNode cn) {
    boolean frames = (cn.version & 0xFFFF) >= Opcodes.V1_6;
    ClassWriter w = new ClassWriter(frames ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return hierarchy.commonSuperClass(a, b);
      }
    };
    cn.accept(w);
    return w.toByteArray();
  }

  /** The rewriter version a class was stamped with, or -1 when it carries no stamp. */
  public static int stampOf(byte[] classFile) {
    int[] v = {-1};
    String desc = org.objectweb.asm.Type.getDescriptor(io.roam.instrument.runtime.Rewritten.class);
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public AnnotationVisitor visitAnnotation(String d, boolean visible) {
        if (!d.equals(desc)) {
          return null;
        }
        return new AnnotationVisitor(Opcodes.ASM9) {
          @Override
          public void visit(String name, Object value) {
            v[0] = (Integer) value;
          }
        };
      }
    }, ClassReader.SKIP_CODE);
    return v[0];
  }
}
