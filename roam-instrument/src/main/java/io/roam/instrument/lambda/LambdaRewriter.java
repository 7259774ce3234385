package io.roam.instrument.lambda;

import static org.objectweb.asm.Opcodes.*;

import io.roam.instrument.InstrumentationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Replaces every lambda and method reference of a class by an ordinary class, so that the objects
 * a process creates for them can be captured field by field and recreated in another JVM (the
 * hidden classes {@code LambdaMetafactory} spins cannot). The first step of the instrumentation
 * pipeline: what it generates is instrumented like any other process class afterwards.
 *
 * <h2>Contract</h2>
 * {@link #rewrite} takes a host class (read with {@code EXPAND_FRAMES} or no flags), changes it in
 * place and answers the generated classes, which must be defined by the host's class loader (they
 * live in its package and call its package-private members). It does not read any other class and
 * computes no frames: the host keeps its frames valid (a call with the same stack effect replaces
 * each site), generated code has no branches. The caller writes the classes (with
 * {@code COMPUTE_FRAMES} or not: all {@code maxStack}/{@code maxLocals} are exact). Deterministic:
 * the same input gives the same names, members and instructions. Stateless and thread-safe.
 *
 * <h2>What changes</h2>
 * Site {@code N} (counted from 0 over the rewritten sites, methods in declaration order,
 * instructions in order) is an {@code invokedynamic} bootstrapped by
 * {@code LambdaMetafactory.metafactory} or {@code .altMetafactory}. It becomes
 * {@code invokestatic Host$$Lambda$N.create} with the indy's own descriptor (captured values in,
 * the functional interface out). The host gets one accessor per site,
 * {@code static synthetic roam$lambda$N} (public in interfaces), that performs the exact
 * invocation of the implementation handle (see {@link Accessor}); the generated class
 * {@code Host$$Lambda$N} (see {@link LambdaClassEmitter}) holds the captured values in
 * package-private, non-final fields {@code arg0..} (so a snapshot can set them), implements the
 * functional interface, the marker interfaces and, for {@code FLAG_SERIALIZABLE},
 * {@code java.io.Serializable} (with no {@code writeReplace}: Roam writes the fields itself), and
 * forwards the functional method and each {@code FLAG_BRIDGES} bridge to the accessor with the
 * adaptations {@code LambdaMetafactory} performs ({@link Conversions}). A site that captures
 * nothing answers a single instance per site, created by the generated class's initializer.
 * The generated class is package-private, {@code final}, {@code ACC_SYNTHETIC}, of the host's
 * class-file version, and a direct subclass of {@code Object}.
 *
 * <h2>What does not change</h2>
 * Classes older than version 52 (answers an empty map); {@code invokedynamic} with any other
 * bootstrap (string concatenation, records' {@code ObjectMethods}, {@code SwitchBootstraps},
 * user bootstraps) and dynamic constants; the {@code $deserializeLambda$} method javac emits for
 * serializable lambdas (its sites stay: it becomes dead code, as no rewritten object ever
 * serializes to a {@code SerializedLambda}); and sites {@code LambdaMetafactory} would refuse to
 * link (a field handle, mismatched arities, malformed bootstrap arguments), which keep failing
 * the way they always did.
 *
 * <h2>Visible differences from the JDK's lambdas</h2>
 * {@code getClass()} is an ordinary, named class ({@code isHidden()} false), whose name and
 * {@code toString()} differ from the JDK's; stack traces show the generated class's functional
 * method and the host's accessor (the JDK hides its lambda frames); serializing one with
 * {@code ObjectOutputStream} writes the generated class's fields instead of a
 * {@code SerializedLambda}.
 */
public final class LambdaRewriter {
  /** Infix between the host's name and the site number in a generated class's name. */
  public static final String CLASS_INFIX = "$$Lambda$";
  /** Prefix of the accessor methods added to the host; the site number follows. */
  public static final String ACCESSOR_PREFIX = Accessor.PREFIX;

  private static final String DESERIALIZE = "$deserializeLambda$";

  private LambdaRewriter() {}

  /**
   * Rewrites all lambda metafactory call sites of {@code host} in place, adds the accessors they
   * need to it, and answers the generated classes by internal name, in site order.
   *
   * @throws InstrumentationException if {@code host} already declares a method that an accessor
   *     would be named after (a class rewritten twice)
   */
  public static Map<String, ClassNode> rewrite(ClassNode host) {
    if ((host.version & 0xFFFF) < V1_8) {
      return Map.of();
    }
    Map<String, ClassNode> generated = new LinkedHashMap<>();
    List<MethodNode> accessors = new ArrayList<>();
    for (MethodNode m : host.methods) {
      if (m.name.equals(DESERIALIZE)) {
        continue;
      }
      for (AbstractInsnNode insn : m.instructions.toArray()) {
        Optional<LambdaSite> site = insn instanceof InvokeDynamicInsnNode indy
            ? LambdaSite.parse(indy) : Optional.empty();
        if (site.isPresent()) {
          int n = generated.size();
          String name = host.name + CLASS_INFIX + n;
          String accessor = ACCESSOR_PREFIX + n;
          refuseClash(host, m, accessor);
          accessors.add(Accessor.create(host, site.get(), accessor));
          generated.put(name, LambdaClassEmitter.emit(host, site.get(), name, accessor));
          String desc = ((InvokeDynamicInsnNode) insn).desc;
          m.instructions.set(insn,
              new MethodInsnNode(INVOKESTATIC, name, LambdaClassEmitter.FACTORY, desc, false));
        }
      }
    }
    host.methods.addAll(accessors);
    return Collections.unmodifiableMap(generated);
  }

  private static void refuseClash(ClassNode host, MethodNode site, String accessor) {
    for (MethodNode m : host.methods) {
      if (m.name.equals(accessor)) {
        throw new InstrumentationException(host.name, site.name, site.desc,
            "the class already declares a method " + accessor + m.desc
                + " (was it rewritten twice?); pass the original class file", null);
      }
    }
  }
}
