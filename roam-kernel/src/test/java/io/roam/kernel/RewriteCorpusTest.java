package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.ProcessClassLoader;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.process.ProcessState;
import io.roam.kernel.process.VirtualConsole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every class of a corpus, rewritten, is accepted by this JVM's verifier: SciMark 2.0's 2002 jar
 * (class version 45, JSR/RET), the examples compiled by this build, and the examples compiled by
 * a JDK 25 javac when one is installed. Classes are loaded and initialized with their static
 * initializers skipped (as when a snapshot is restored), which forces verification.
 */
class RewriteCorpusTest {
  @TempDir Path dir;

  static String locationOf(String resourceClass) throws Exception {
    return Path.of(Class.forName(resourceClass).getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  static int verifyAll(String cp) throws Exception {
    CodeSource code = CodeSource.fromClassPath(cp);
    ProcessClassLoader loader = new ProcessClassLoader(code, RewriteCorpusTest.class.getClassLoader());
    ProcessRuntime rt = new ProcessRuntime(loader, ProcessState.fresh(), new VirtualConsole(
        new ByteArrayOutputStream(), new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]), 0, 0));
    List<String> names = code.entries().keySet().stream().filter(n -> n.endsWith(".class")
            && !n.equals("module-info.class"))
        .map(n -> n.substring(0, n.length() - 6).replace('/', '.')).sorted().collect(Collectors.toList());
    rt.restoring(Set.copyOf(names));
    List<String> failures = new ArrayList<>();
    for (String n : names) {
      try {
        Class.forName(n, true, loader);
      } catch (io.roam.instrument.sandbox.SandboxViolationException refused) {
        // not rewritten at all: SandboxCorpusTest states which corpus classes the sandbox refuses
      } catch (Throwable e) {
        failures.add(n + ": " + e);
      }
    }
    assertThat(failures).as("classes the verifier refused after rewriting").isEmpty();
    return names.size();
  }

  @Test
  void scimark2002JarVerifies() throws Exception {
    assertThat(verifyAll(locationOf("jnt.scimark2.commandline"))).isGreaterThan(20);
  }

  @Test
  void examplesVerify() throws Exception {
    assertThat(verifyAll(locationOf("demo.Primes"))).isGreaterThan(40);
  }

  @Test
  void examplesCompiledByJdk25Verify() throws Exception {
    compileExamplesWithJdk25(dir, Runtime.version().feature() >= 25 ? 25 : 17);
    assertThat(verifyAll(dir.toString())).isGreaterThan(40);
  }

  /**
   * Compiles the examples with JDK 25's javac for {@code release} into {@code out}; skips the
   * test when no JDK 25 is installed (set JDK25_HOME when it is not at the usual place).
   */
  static void compileExamplesWithJdk25(Path out, int release) throws Exception {
    Path javac = Stream.of("/usr/lib/jvm/temurin-25-jdk-amd64", System.getenv("JDK25_HOME"))
        .filter(s -> s != null).map(s -> Path.of(s, "bin", "javac")).filter(Files::isExecutable)
        .findFirst().orElse(null);
    Assumptions.assumeTrue(javac != null, "no JDK 25 installed");
    Path src = Path.of(System.getProperty("user.dir")).getParent().resolve("examples/src/main/java");
    List<String> files;
    try (Stream<Path> s = Files.walk(src)) {
      files = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
    }
    // the examples that use io.roam.api compile against it
    String api = Path.of(io.roam.api.Roam.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    List<String> cmd = new ArrayList<>(List.of(javac.toString(), "--release", "" + release, "-cp", api,
        "-d", out.toString()));
    cmd.addAll(files);
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    assertThat(p.waitFor()).as("JDK 25 javac").isZero();
  }
}
