package io.roam.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts real JVMs for tests: plain {@code java} runs of a program and {@code roam} command runs,
 * each in a fresh JVM, and collects exit code, standard output and standard error as bytes.
 */
final class Jvm {
  /** What one JVM run produced. */
  record Run(int exit, byte[] out, byte[] err) {
    String outText() {
      return new String(out, StandardCharsets.UTF_8);
    }

    String errText() {
      return new String(err, StandardCharsets.UTF_8);
    }
  }

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private Jvm() {}

  /** Class path of the roam CLI (its classes and dependencies), from the build. */
  static String roamClassPath() {
    try {
      String deps = Files.readString(Path.of(System.getProperty("roam.cli.classpath.file"))).trim();
      return System.getProperty("roam.cli.classes") + java.io.File.pathSeparator + deps;
    } catch (IOException e) {
      throw new IllegalStateException("run the tests through Maven: roam-cli/target/classpath.txt is missing", e);
    }
  }

  /** {@code java -cp cp main args}. */
  static Run plain(String cp, String main, String... args) {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-cp", cp, main));
    cmd.addAll(Arrays.asList(args));
    return exec(cmd);
  }

  /** The java options of a JVM that runs the kernel: the argument file jvm.opens (from the build). */
  private static String opens() {
    return System.getProperty("roam.jvm.opens").trim();
  }

  /** {@code roam args} in a new JVM. */
  static Run roam(String... args) {
    return roamIn(null, args);
  }

  /** {@code roam args} in a new JVM whose working directory is {@code dir} (null: this one's). */
  static Run roamIn(Path dir, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(JAVA);
    cmd.add(opens());
    cmd.addAll(List.of("-cp", roamClassPath(), "io.roam.cli.RoamCommand"));
    cmd.addAll(Arrays.asList(args));
    return exec(cmd, dir);
  }

  /** {@code java -cp cp main args} with working directory {@code dir}. */
  static Run plainIn(Path dir, String cp, String main, String... args) {
    List<String> cmd = new ArrayList<>(List.of(JAVA, "-cp", cp, main));
    cmd.addAll(Arrays.asList(args));
    return exec(cmd, dir);
  }

  /** Starts {@code roam args} in a new JVM without waiting; its output goes to the given files. */
  static Process startRoam(Path out, Path err, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(JAVA);
    cmd.add(opens());
    cmd.addAll(List.of("-cp", roamClassPath(), "io.roam.cli.RoamCommand"));
    cmd.addAll(Arrays.asList(args));
    return new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
  }

  static Run exec(List<String> cmd) {
    return exec(cmd, null);
  }

  static Run exec(List<String> cmd, Path dir) {
    try {
      Path out = Files.createTempFile("roam-out", ".bin");
      Path err = Files.createTempFile("roam-err", ".bin");
      try {
        Process p = new ProcessBuilder(cmd).directory(dir == null ? null : dir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError("JVM did not finish in 5 minutes: " + cmd);
        }
        return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Standard error without Roam's own lines (they start with "roam: "). */
  static byte[] programErr(Run r) {
    String s = new String(r.err, StandardCharsets.ISO_8859_1);
    StringBuilder b = new StringBuilder();
    for (String line : s.split("(?<=\n)")) {
      if (!line.startsWith("roam: ")) {
        b.append(line);
      }
    }
    return b.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
