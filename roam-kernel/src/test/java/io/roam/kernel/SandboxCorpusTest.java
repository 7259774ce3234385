package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.instrument.ClassHierarchy;
import io.roam.instrument.sandbox.SandboxVerifier;
import io.roam.instrument.sandbox.Violation;
import io.roam.kernel.process.CodeSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox refuses nothing an ordinary program does: every class of the examples (the corpus
 * of corpus.txt and demo.Primes), as compiled by this build and by a JDK 25 javac, and every class
 * of SciMark 2.0's benchmark package has no violation. The SciMark jar's applet support classes
 * ({@code jnt.Bench}), which the benchmark never loads, do open sockets, and are listed exactly.
 */
class SandboxCorpusTest {
  @TempDir Path dir;

  /** Every violation in every class of a class path, as messages. */
  static List<String> violations(String cp) throws Exception {
    CodeSource code = CodeSource.fromClassPath(cp);
    SandboxVerifier v = new SandboxVerifier(new ClassHierarchy(code::classBytes, SandboxCorpusTest.class.getClassLoader()));
    List<String> out = new ArrayList<>();
    int classes = 0;
    for (Map.Entry<String, byte[]> e : code.entries().entrySet()) {
      if (e.getKey().endsWith(".class") && !e.getKey().endsWith("module-info.class")) {
        classes++;
        v.verify(e.getValue()).stream().map(Violation::message).forEach(out::add);
      }
    }
    assertThat(classes).as("classes in " + cp).isGreaterThan(20);
    return out;
  }

  @Test
  void examplesHaveNoViolations() throws Exception {
    String cp = RewriteCorpusTest.locationOf("demo.Primes");
    assertThat(CodeSource.fromClassPath(cp).classBytes("corpus/LambdaZoo")).isNotNull();
    assertThat(violations(cp)).isEmpty();
  }

  @Test
  void scimarkBenchmarkHasNoViolationsAndItsAppletSupportIsRefused() throws Exception {
    String net = ": process code may not open network connections (rule net)";
    assertThat(violations(RewriteCorpusTest.locationOf("jnt.scimark2.commandline"))).containsExactly(
        "jnt.Bench.Bench.<init>(Applet, URL) line 45 calls java.net.URL.openStream" + net,
        "jnt.Bench.HTTPPost.post(String, String) line 31 calls java.net.Socket.<init>" + net,
        "jnt.Bench.SendMail.send(String, String, String, String, String) line 45 calls java.net.Socket.<init>" + net);
  }

  @Test
  void examplesCompiledByJdk25HaveNoViolations() throws Exception {
    RewriteCorpusTest.compileExamplesWithJdk25(dir, 25);
    assertThat(violations(dir.toString())).isEmpty();
  }
}
