package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Runs a fixture class twice — as compiled and rewritten — and checks that the rewrite is
 * invisible to it. A fixture has {@code public static String run()} (everything it computes,
 * as text) and may have {@code public static List<Object> lambdas()} (objects made by lambda
 * sites). Each run gets a fresh {@link FixtureLoader}.
 */
final class LambdaHarness {
  /** The JDK's lambda factory, which no rewritten code may call any more. */
  private static final String LMF = "java/lang/invoke/LambdaMetafactory";

  /** Every fixture with a {@code run()}, by binary name. */
  static final List<String> FIXTURES = Stream.of("Capturing", "MethodRefs", "Specials", "ProtectedAccess",
      "Adaptations", "PrimitiveSpecializations", "InterfaceHost", "Initializers", "NestedLambdas",
      "ComparatorChains", "SerializableLambdas", "BridgesAndMarkers").map(n -> FixtureLoader.FIXTURES + n).toList();

  private LambdaHarness() {}

  /** The internal names of every fixture class file (nested classes included) on this test's class path. */
  static List<String> fixtureClassFiles() {
    try {
      Path root = Path.of(LambdaHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = root.resolve(FixtureLoader.FIXTURES.replace('.', '/'));
      try (Stream<Path> files = Files.walk(dir)) {
        return files.filter(f -> f.toString().endsWith(".class")).map(root::relativize)
            .map(f -> f.toString().replace(File.separatorChar, '/').replaceAll("\\.class$", ""))
            .sorted().toList();
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a class file into a tree with {@code flags}. */
  static ClassNode read(byte[] classFile, int flags) {
    ClassNode cn = new ClassNode();
    new ClassReader(classFile).accept(cn, flags);
    return cn;
  }

  /** What one run of a fixture produced. */
  record Run(FixtureLoader loader, String result, List<Object> lambdas) {}

  /**
   * Runs {@code fixture} (binary name) from {@code source} as it is and rewritten (read with
   * {@code ClassReader} flags 0 and {@code EXPAND_FRAMES}), asserts identical results, that no
   * lambda metafactory site is left, that every lambda object is of a generated, ordinary class of
   * the fixture's loader, and that every class the rewritten run defined passes ASM's verifier.
   * Answers the rewritten run (flags 0).
   */
  static Run check(String fixture, Function<String, byte[]> source) {
    Run original = run(fixture, new FixtureLoader(source, false, 0));
    Run rewritten = run(fixture, new FixtureLoader(source, true, 0));
    Run expanded = run(fixture, new FixtureLoader(source, true, ClassReader.EXPAND_FRAMES));
    assertThat(rewritten.result()).isEqualTo(original.result());
    assertThat(expanded.result()).isEqualTo(original.result());
    assertThat(original.lambdas()).allSatisfy(l -> assertThat(l.getClass().isHidden()).isTrue());
    assertThat(rewritten.lambdas()).hasSameSizeAs(original.lambdas());
    assertThat(rewritten.lambdas()).allSatisfy(l -> assertGenerated(l, rewritten.loader()));
    for (Map.Entry<String, byte[]> c : rewritten.loader().defined().entrySet()) {
      assertThat(lambdaSites(c.getValue())).as("metafactory sites left in %s", c.getKey()).isEmpty();
      assertVerifies(c.getKey(), c.getValue(), rewritten.loader());
    }
    return rewritten;
  }

  /** {@link #check} on the class files of this test's class path. */
  static Run check(Class<?> fixture) {
    return check(fixture.getName(), FixtureLoader.classpath());
  }

  /** Loads {@code fixture} in {@code loader} and calls its {@code run} and {@code lambdas}. */
  static Run run(String fixture, FixtureLoader loader) {
    try {
      Class<?> c = Class.forName(fixture, true, loader);
      String result = (String) c.getMethod("run").invoke(null);
      List<Object> lambdas = new ArrayList<>();
      if (hasLambdas(c)) {
        for (Object o : (List<?>) c.getMethod("lambdas").invoke(null)) {
          lambdas.add(o);
        }
      }
      return new Run(loader, result, lambdas);
    } catch (InvocationTargetException e) {
      throw new AssertionError(fixture + " failed in " + loader.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The lambda metafactory sites of a class file, outside {@code $deserializeLambda$}. */
  static List<String> lambdaSites(byte[] classFile) {
    ClassNode cn = new ClassNode();
    new ClassReader(classFile).accept(cn, 0);
    List<String> sites = new ArrayList<>();
    for (MethodNode m : cn.methods) {
      if (m.name.equals("$deserializeLambda$")) {
        continue;
      }
      for (AbstractInsnNode i : m.instructions) {
        if (i instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals(LMF)) {
          sites.add(m.name + m.desc + " " + indy.name + indy.desc);
        }
      }
    }
    return sites;
  }

  /** The number of lambda metafactory sites in the methods named {@code method} of a class file. */
  static int metafactorySitesIn(byte[] classFile, String method) {
    ClassNode cn = new ClassNode();
    new ClassReader(classFile).accept(cn, 0);
    int n = 0;
    for (MethodNode m : cn.methods) {
      for (AbstractInsnNode i : m.instructions) {
        if (m.name.equals(method) && i instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals(LMF)) {
          n++;
        }
      }
    }
    return n;
  }

  /** Runs ASM's {@code CheckClassAdapter.verify} on a class, resolving types through {@code loader}. */
  static void assertVerifies(String name, byte[] classFile, ClassLoader loader) {
    StringWriter errors = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(classFile), loader, false, new PrintWriter(errors));
    assertThat(errors.toString()).as("verification of %s", name).isEmpty();
  }

  private static void assertGenerated(Object lambda, FixtureLoader loader) {
    Class<?> c = lambda.getClass();
    assertThat(c.isHidden()).as("%s is hidden", c).isFalse();
    assertThat(c.getClassLoader()).isSameAs(loader);
    assertThat(c.getName()).matches(".*\\$\\$Lambda\\$\\d+");
    assertThat(c.isSynthetic()).isTrue();
    assertThat(c.getModifiers() & (Modifier.FINAL | Modifier.PUBLIC)).isEqualTo(Modifier.FINAL);
    assertThat(c.getSuperclass()).isSameAs(Object.class);
  }

  private static boolean hasLambdas(Class<?> c) {
    for (Method m : c.getMethods()) {
      if (m.getName().equals("lambdas") && m.getParameterCount() == 0) {
        return true;
      }
    }
    return false;
  }
}
