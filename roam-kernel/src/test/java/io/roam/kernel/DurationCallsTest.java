package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Thread.sleep(Duration)} and {@code Thread.join(Duration)} (JDK 19+) are virtual system
 * calls like their millisecond forms: a program compiled for the running JDK prints what it prints
 * under plain java, uninterrupted and frozen through snapshots while it sleeps and joins (the
 * join's result is computed after its rewind from the thread saved when it unwound). Runs only on a
 * JDK 21 or later — the second CI pass, on JDK 25.
 */
class DurationCallsTest {
  @TempDir Path dir;

  static final String EXPECTED = """
      slept at least 40 ms: true
      join before start: Thread not started
      short join saw it end: false
      long join saw it end: true
      join of an ended thread: true
      """;

  @Test
  void durationSleepsAndJoinsAreVirtualAndSurviveFreezes() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "Thread.sleep/join(Duration) need JDK 19+");
    assumeTrue(ToolProvider.getSystemJavaCompiler() != null, "no compiler in this JDK");
    Path src = dir.resolve("DurationWaits.java");
    try (var in = getClass().getResourceAsStream("/jdk21/DurationWaits.java.txt")) {
      Files.write(src, in.readAllBytes());
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString());
    assertThat(rc).isZero();
    InJvm.Result plain = new InJvm().run(classes.toString(), "DurationWaits", new String[0], 0, false, dir);
    assertThat(plain.out()).isEqualTo(EXPECTED);
    assertThat(plain.err()).isEmpty();
    // a capture request every 25 ms: inside the sleep of 40 ms, the worker's 150 ms and the joins
    InJvm.Result frozen = new InJvm().run(classes.toString(), "DurationWaits", new String[0], 25_000, true, dir);
    assertThat(frozen.out()).isEqualTo(EXPECTED);
    assertThat(frozen.err()).isEmpty();
    assertThat(frozen.exit()).isZero();
    assertThat(frozen.freezes()).isGreaterThanOrEqualTo(3);
  }
}
