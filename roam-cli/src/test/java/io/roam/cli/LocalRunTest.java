package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract of {@code roam local run/resume} beyond equal output: messages, exit codes, help. */
class LocalRunTest {
  @TempDir Path dir;

  @Test
  void programThatEndsBeforeTheFreezeEndsNormallyAndWritesNoSnapshot() {
    Path snap = dir.resolve("never.roam");
    Jvm.Run r = Jvm.roam("local", "run", "--cp", Corpus.classPath(), "--freeze-after", "10m", "--snapshot",
        snap.toString(), "demo.Primes");
    assertThat(r.exit()).isZero();
    assertThat(Files.exists(snap)).isFalse();
    assertThat(r.errText()).isEqualTo("roam: the program ended with code 0 before the freeze; no snapshot written\n");
    assertThat(r.outText()).isEqualTo(Corpus.baseline(new Corpus.Program("demo.Primes", 0)).run().outText());
  }

  @Test
  void freezeWritesOnlyRoamLinesToStandardErrorAndExitsZero() throws Exception {
    Path snap = dir.resolve("p.roam");
    Jvm.Run r = Jvm.roam("local", "run", "--cp", Corpus.classPath(), "--freeze-after", "1s", "--snapshot",
        snap.toString(), "demo.Primes");
    assertThat(r.exit()).as(r.errText()).isZero();
    assertThat(Files.size(snap)).isPositive();
    assertThat(r.errText()).startsWith("roam: frozen in ").endsWith("\n");
    assertThat(r.errText().lines().count()).isEqualTo(1);
  }

  @Test
  void usageErrorsAreOneLineWithExitCodeTwo() {
    for (String[] args : new String[][] {
        {"local", "run", "--cp", "x", "--freeze-after", "1s", "Main"},
        {"local", "run", "--cp", "x", "--freeze-after", "soon", "--snapshot", "f", "Main"},
        {"local", "run"},
        {"local", "run", "--cp", dir.resolve("missing").toString(), "Main"},
        {"local", "run", "--cp", Corpus.classPath(), "no.Such"},
        {"local", "resume", dir.resolve("missing.roam").toString()}}) {
      Jvm.Run r = Jvm.roam(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.errText().lines().count()).as(r.errText()).isEqualTo(1);
      assertThat(r.errText()).startsWith("roam: ");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void helpExplainsEveryOption() {
    Jvm.Run r = Jvm.roam("local", "run", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.outText()).contains("--cp", "--freeze-after", "--snapshot", "MAIN", "ARGS");
    Jvm.Run resume = Jvm.roam("local", "resume", "--help");
    assertThat(resume.outText()).contains("--freeze-after", "--snapshot", "FILE");
  }
}
