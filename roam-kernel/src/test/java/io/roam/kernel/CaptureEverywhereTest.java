package io.roam.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program frozen hundreds of times — rewound in place, or written to a snapshot and read back
 * into a fresh class loader — prints exactly what it prints uninterrupted.
 */
class CaptureEverywhereTest {
  @TempDir Path dir;

  static String testClasses() {
    return Path.of(fixture.Counter.class.getProtectionDomain().getCodeSource().getLocation()
        .getPath()).toString();
  }

  @Test
  void rewindInPlaceManyTimes() throws Exception {
    InJvm.Result plain = new InJvm().run(testClasses(), "fixture.Counter", new String[] {"3000"}, 0, false, dir);
    InJvm.Result frozen = new InJvm().run(testClasses(), "fixture.Counter", new String[] {"3000"}, 200, false, dir);
    assertThat(frozen.out()).isEqualTo(plain.out());
    assertThat(frozen.err()).isEqualTo(plain.err());
    assertThat(frozen.freezes()).isGreaterThan(20);
    assertThat(plain.out()).endsWith("\n").contains("done ");
  }

  @Test
  void throughSnapshotsManyTimes() throws Exception {
    InJvm.Result plain = new InJvm().run(testClasses(), "fixture.Counter", new String[] {"3000"}, 0, false, dir);
    InJvm.Result frozen = new InJvm().run(testClasses(), "fixture.Counter", new String[] {"3000"}, 3000, true, dir);
    assertThat(frozen.out()).isEqualTo(plain.out());
    assertThat(frozen.freezes()).isGreaterThan(5);
  }
}
