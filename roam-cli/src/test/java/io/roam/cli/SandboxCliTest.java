package io.roam.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox at the command line: {@code roam local run} of a refused program fails with the
 * sandbox's lines and runs none of it; {@code roam local check} lists every violation of every
 * class on the class path, and its exit code says whether there were any.
 */
class SandboxCliTest {
  private static final String NET = ": process code may not open network connections (rule net)";

  @TempDir static Path cp;

  /** The programs of package {@code sandbox}, alone on a class path. */
  @BeforeAll
  static void copyPrograms() throws Exception {
    Path classes = Path.of(SandboxCliTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Files.createDirectories(cp.resolve("sandbox"));
    try (Stream<Path> s = Files.list(classes.resolve("sandbox"))) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Files.copy(p, cp.resolve("sandbox").resolve(p.getFileName()));
      }
    }
  }

  @Test
  void runOfARefusedMainClassPrintsTheViolationAndNothingOfTheProgram() {
    Jvm.Run r = Jvm.roam("local", "run", "--cp", cp.toString(), "sandbox.Smuggler");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errText()).isEqualTo(
        "roam: sandbox: sandbox.Smuggler.main(String[]) line 7 calls java.net.Socket.<init>" + NET + "\n");
  }

  @Test
  void checkListsEveryViolationOfEveryClassAndExitsOne() {
    Jvm.Run r = Jvm.roam("local", "check", "--cp", cp.toString(), "sandbox.Smuggler");
    assertThat(r.exit()).as(r.errText()).isEqualTo(1);
    String exec = ": process code may not start or control operating-system processes (rule exec)";
    assertThat(r.outText().lines().toList()).containsExactly(
        "sandbox.Accomplice.help() declares a native method: process code may not declare or load native code"
            + " (rule native)",
        "sandbox.Accomplice.escape() line 8 calls java.lang.ProcessBuilder.<init>" + exec,
        "sandbox.Accomplice.escape() line 8 calls java.lang.ProcessBuilder.start" + exec,
        "sandbox.Smuggler.main(String[]) line 7 calls java.net.Socket.<init>" + NET);
    assertThat(r.errText()).isEqualTo("roam: 4 sandbox violations in 2 of 2 classes;"
        + " 'roam local run' refuses each such class when it loads\n");
  }

  @Test
  void checkOfACleanProgramExitsZero() {
    Jvm.Run r = Jvm.roam("local", "check", "--cp", Corpus.classPath(), "demo.Primes");
    assertThat(r.exit()).as(r.errText()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.errText()).startsWith("roam: no sandbox violations in ").endsWith(" classes\n");
  }

  @Test
  void checkHelpNamesTheScopeTheRulesAndTheExitCodes() {
    Jvm.Run r = Jvm.roam("local", "check", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.outText()).contains("--cp", "MAIN", "every class on the class path CP", "net", "exec", "native",
        "unsafe", "reflect-internal", "security-manager", "define-class", "concurrency", "Exit code: 0", "1 when violations");
  }
}
