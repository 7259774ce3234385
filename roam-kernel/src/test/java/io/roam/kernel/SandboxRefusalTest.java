package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.instrument.sandbox.SandboxViolationException;
import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.ProcessClassLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sandbox rule has a program (package {@code sandbox} of the test sources) that the process
 * class loader refuses with the documented message (docs/design/sandbox.md), listing every
 * violation of the class; refusals reach the caller of {@link LocalKernel} before anything of the
 * program runs, are not cached, and the run-time checks refuse reflection the verifier cannot see.
 */
class SandboxRefusalTest {
  private static final String NET = ": process code may not open network connections (rule net)";
  private static final String EXEC = ": process code may not start or control operating-system processes (rule exec)";
  private static final String NATIVE = ": process code may not declare or load native code (rule native)";
  private static final String UNSAFE = ": process code may not use Unsafe (rule unsafe)";
  private static final String INTERNAL = ": process code may not reach JDK or Roam internals (rule reflect-internal)";
  private static final String DEFINE =
      ": process code may not define classes at run time; put them on the class path (rule define-class)";

  @TempDir static Path dir;

  /** Copies the sandbox programs (and nothing else of the test classes) into {@link #dir}. */
  @BeforeAll
  static void copyPrograms() throws Exception {
    Path classes = Path.of(SandboxRefusalTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Files.createDirectories(dir.resolve("sandbox"));
    try (Stream<Path> s = Files.list(classes.resolve("sandbox"))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.copy(p, dir.resolve("sandbox").resolve(p.getFileName()));
      }
    }
  }

  private static List<String> refusal(String className) throws Exception {
    ProcessClassLoader loader = new ProcessClassLoader(CodeSource.fromClassPath(dir.toString()),
        SandboxRefusalTest.class.getClassLoader());
    try {
      Class.forName(className, false, loader);
    } catch (SandboxViolationException e) {
      assertThat(e.violations()).hasSameSizeAs(e.getMessage().lines().toList());
      return e.getMessage().lines().toList();
    }
    throw new AssertionError(className + " was not refused");
  }

  @Test
  void net() throws Exception {
    assertThat(refusal("sandbox.OpensSocket")).containsExactly(
        "sandbox: sandbox.OpensSocket.main(String[]) line 7 calls java.net.Socket.<init>" + NET);
  }

  @Test
  void netFamily() throws Exception {
    String at = "sandbox: sandbox.NetFamily.all(URL) line ";
    assertThat(refusal("sandbox.NetFamily")).containsExactly(
        at + "11 calls java.net.ServerSocket.<init>" + NET,
        at + "12 calls java.net.DatagramSocket.<init>" + NET,
        at + "13 calls java.net.MulticastSocket.<init>" + NET,
        at + "14 calls java.net.URL.openConnection" + NET,
        at + "15 calls java.net.URL.openStream" + NET,
        at + "16 calls java.nio.channels.SocketChannel.open" + NET,
        at + "17 calls java.nio.channels.ServerSocketChannel.open" + NET,
        at + "18 calls java.net.http.HttpClient.newHttpClient" + NET,
        at + "19 calls javax.net.SocketFactory.getDefault" + NET);
  }

  @Test
  void exec() throws Exception {
    assertThat(refusal("sandbox.StartsProcess")).containsExactly(
        "sandbox: sandbox.StartsProcess.main(String[]) line 6 calls java.lang.Runtime.exec" + EXEC,
        "sandbox: sandbox.StartsProcess.builder() line 10 calls java.lang.ProcessBuilder.<init>" + EXEC,
        "sandbox: sandbox.StartsProcess.builder() line 10 calls java.lang.ProcessBuilder.start" + EXEC);
  }

  @Test
  void nativeCode() throws Exception {
    assertThat(refusal("sandbox.DeclaresNative")).containsExactly(
        "sandbox: sandbox.DeclaresNative.answer() declares a native method" + NATIVE,
        "sandbox: sandbox.DeclaresNative.main(String[]) line 8 calls java.lang.System.loadLibrary" + NATIVE);
  }

  @Test
  void unsafe() throws Exception {
    assertThat(refusal("sandbox.UsesUnsafe")).containsExactly(
        "sandbox: sandbox.UsesUnsafe.main(String[]) line 8 uses class literal sun.misc.Unsafe" + UNSAFE,
        "sandbox: sandbox.UsesUnsafe.main(String[]) line 10 uses type sun.misc.Unsafe" + UNSAFE,
        "sandbox: sandbox.UsesUnsafe.main(String[]) line 11 calls sun.misc.Unsafe.addressSize" + UNSAFE);
  }

  @Test
  void reflectInternal() throws Exception {
    assertThat(refusal("sandbox.ReachesRoam")).containsExactly(
        "sandbox: sandbox.ReachesRoam.main(String[]) line 6 calls java.lang.Class.forName(\"io.roam.kernel.LocalKernel\")"
            + INTERNAL,
        "sandbox: sandbox.ReachesRoam.main(String[]) line 8 calls io.roam.instrument.runtime.Sandbox.checkClass"
            + INTERNAL);
  }

  @Test
  void securityManager() throws Exception {
    assertThat(refusal("sandbox.SetsSecurityManager")).containsExactly(
        "sandbox: sandbox.SetsSecurityManager.main(String[]) line 7 calls java.lang.System.setSecurityManager"
            + ": process code may not replace the JVM's security manager or policy (rule security-manager)");
  }

  @Test
  void defineClass() throws Exception {
    assertThat(refusal("sandbox.DefinesClass")).containsExactly(
        "sandbox: sandbox.DefinesClass.main(String[]) line 10 calls java.net.URLClassLoader.<init>" + DEFINE,
        "sandbox: sandbox.DefinesClass.define(byte[]) line 16 calls java.lang.invoke.MethodHandles$Lookup.defineClass"
            + DEFINE);
    assertThat(refusal("sandbox.OwnLoader")).containsExactly(
        "sandbox: sandbox.OwnLoader extends java.lang.ClassLoader" + DEFINE);
  }

  @Test
  void refusedClassIsRefusedAgainByAFreshLoader() throws Exception {
    List<String> first = refusal("sandbox.OpensSocket");
    assertThat(refusal("sandbox.OpensSocket")).isEqualTo(first);
  }

  @Test
  void localKernelRefusesARefusedMainClassBeforeRunningAnything() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    LocalKernel.Prepared p = new LocalKernel(new PrintStream(log, true))
        .prepare(dir.toString(), "sandbox.OpensSocket", new String[0]);
    assertThatThrownBy(() -> p.run(null, null)).isInstanceOf(RoamException.class)
        .hasMessage("sandbox: sandbox.OpensSocket.main(String[]) line 7 calls java.net.Socket.<init>" + NET);
    assertThat(log.size()).isZero();
  }

  @Test
  void classRefusedMidRunStopsTheProgramThere() throws Exception {
    InJvm.Result r = new InJvm().run(dir.toString(), "sandbox.LateEscape", new String[0], 0, false, dir);
    assertThat(r.out()).isEqualTo("before\n");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(SandboxViolationException.class.getName() + ": sandbox: "
        + "sandbox.StartsProcess.main(String[]) line 6 calls java.lang.Runtime.exec" + EXEC);
  }

  @Test
  void reflectionIsCheckedWhenItRuns() throws Exception {
    InJvm.Result r = new InJvm().run(dir.toString(), "sandbox.Reflective", new String[] {"io.roam.kernel.LocalKernel"},
        0, false, dir);
    assertThat(r.err()).isEmpty();
    String at = "sandbox: sandbox.Reflective.";
    assertThat(r.out().lines().toList()).containsExactly(
        "own field: 42",
        at + "lambda$main$0() line 15 calls setAccessible on java.lang.String.value" + INTERNAL,
        at + "lambda$main$1() line 18 calls trySetAccessible on java.lang.String.value" + INTERNAL,
        at + "lambda$main$2(String[]) line 19 looks up class io.roam.kernel.LocalKernel" + INTERNAL,
        at + "lambda$main$3() line 20 looks up java.lang.Runtime.exec" + EXEC,
        "exec methods visible: 0",
        at + "lambda$main$5() line 23 looks up java.lang.ProcessBuilder.<init>" + EXEC,
        at + "lambda$main$6() line 25 calls java.lang.invoke.MethodHandles.privateLookupIn on java.lang.String"
            + INTERNAL,
        "private lookup: sandbox.Reflective");
  }
}
