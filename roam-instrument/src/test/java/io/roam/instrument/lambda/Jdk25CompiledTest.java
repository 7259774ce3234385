package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures compiled by a JDK 25 {@code javac}: with {@code --release 17} (loadable here), and
 * for its own class-file version when this test itself runs on JDK 25 or later. Skipped when no
 * JDK 25 is installed (set {@code -Droam.jdk25.home} when it is not at the usual place) or when the
 * sources are not found (the test runs from the module directory).
 */
class Jdk25CompiledTest {
  private static final Path JDK25 = Path.of(System.getProperty("roam.jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
  private static final Path SOURCES = Path.of("src/test/java", FixtureLoader.FIXTURES.replace('.', '/'));

  @TempDir
  static Path out;

  @BeforeAll
  static void compile() throws Exception {
    assumeTrue(Files.isExecutable(JDK25.resolve("bin/javac")), "no JDK 25 at " + JDK25);
    assumeTrue(Files.isDirectory(SOURCES), "no fixture sources at " + SOURCES.toAbsolutePath());
    javac(out.resolve("release17"), "--release", "17");
    if (Runtime.version().feature() >= 25) {
      javac(out.resolve("release25"));
    }
  }

  static Stream<String> fixtures() {
    return LambdaHarness.FIXTURES.stream();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void javac25WithRelease17(String fixture) {
    LambdaHarness.check(fixture, directory(out.resolve("release17")));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void javac25ForItsOwnClassFileVersion(String fixture) {
    assumeTrue(Runtime.version().feature() >= 25, "class files of version 69 need a JDK 25 to run");
    LambdaHarness.check(fixture, directory(out.resolve("release25")));
  }

  private static void javac(Path into, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of(JDK25.resolve("bin/javac").toString(), "-nowarn", "-d",
        into.toString()));
    command.addAll(List.of(options));
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> command.add(f.toString()));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("javac: %s", output).isZero();
  }

  private static Function<String, byte[]> directory(Path root) {
    return internalName -> {
      Path file = root.resolve(internalName + ".class");
      try {
        return Files.exists(file) ? Files.readAllBytes(file) : null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
