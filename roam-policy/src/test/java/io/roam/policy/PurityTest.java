package io.roam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks mechanically what DESIGN.md asks of roam-policy: no dependency besides the JDK's
 * java.util and java.lang, and no threads, I/O, clocks or hidden randomness in the main sources.
 */
class PurityTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)", Pattern.MULTILINE);
  private static final List<String> FORBIDDEN = List.of("System.currentTimeMillis", "System.nanoTime",
      "Instant.now", "LocalDateTime.now", "Math.random", "new Random(", "new Thread", "ExecutorService",
      "synchronized", "java.io.", "java.nio.", "java.net.", "System.out", "System.err");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(MAIN)) {
      return s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
  }

  @Test
  void importsOnlyTheJdkUtilitiesAndItself() throws IOException {
    for (Path p : sources()) {
      Matcher m = IMPORT.matcher(Files.readString(p));
      while (m.find()) {
        assertThat(m.group(2)).as("import in %s", p)
            .matches("(java\\.util|java\\.lang|io\\.roam\\.policy)\\..*");
      }
    }
  }

  @Test
  void noThreadsNoIoNoClockNoHiddenRandomness() throws IOException {
    for (Path p : sources()) {
      String text = Files.readString(p);
      for (String f : FORBIDDEN) {
        assertThat(text).as("%s uses %s", p, f).doesNotContain(f);
      }
    }
  }
}
