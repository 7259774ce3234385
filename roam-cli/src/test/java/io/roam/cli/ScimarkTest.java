package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SciMark 2.0, the unmodified 2002 jar, frozen every few seconds and resumed each time in a new
 * JVM until it ends: the freezes land inside every one of its five kernels, and the kernels' own
 * checks (FFT's inverse-transform error and LU's residual; a failed check reports 0 Mflops) still
 * pass.
 */
class ScimarkTest {
  private static final Pattern FROZEN_IN = Pattern.compile("roam: frozen in jnt/scimark2/(\\w+)\\.");
  private static final Pattern SCORE = Pattern.compile("(?m)^(Composite Score|FFT \\(1024\\)|SOR \\(100x100\\)|"
      + "Monte Carlo|Sparse matmult \\(N=1000, nz=5000\\)|LU \\(100x100\\))\\s*:\\s*([0-9.E]+)\\s*$");

  @TempDir Path dir;

  @Test
  void frozenInsideEveryKernelAndResumedElsewhereStillPassesItsChecks() throws Exception {
    String jar = Path.of(jnt.scimark2.commandline.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    List<Duration> freezes = new ArrayList<>(Collections.nCopies(40, Duration.ofMillis(2500)));
    FreezeChain.Result r = FreezeChain.run(dir, jar, "jnt.scimark2.commandline", freezes);
    assertThat(r.exit()).as(String.join("\n", r.roamLines())).isZero();
    Set<String> where = new TreeSet<>();
    for (String line : r.roamLines()) {
      Matcher m = FROZEN_IN.matcher(line);
      if (m.find()) {
        where.add(m.group(1));
      }
    }
    assertThat(where).as("classes whose code was running at the freezes: " + r.roamLines())
        .contains("FFT", "SOR", "SparseCompRow", "LU")
        .containsAnyOf("MonteCarlo", "Random");
    String out = new String(r.out());
    Matcher m = SCORE.matcher(out);
    int scores = 0;
    while (m.find()) {
      scores++;
      assertThat(Double.parseDouble(m.group(2))).as(m.group(1) + " in\n" + out).isPositive();
    }
    assertThat(scores).as(out).isEqualTo(6);
  }
}
