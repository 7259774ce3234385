package io.roam.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published claims that docs/sim/reproductions.md reproduces, checked on the committed
 * configurations at reduced size (the full runs are in the document).
 */
class ReproductionClaimsTest {
  private static List<RunResult> run(String conf, Map<String, String> overrides) throws Exception {
    Path file = Path.of(System.getProperty("user.dir")).getParent().resolve("docs/sim").resolve(conf);
    SimConfig cfg = SimConfig.from(ConfigFile.read(file)).with(overrides);
    return Experiment.run(cfg, 2);
  }

  @Test
  void eagerSimplePoliciesGetMostOfTheGain() throws Exception {
    List<RunResult> r = run("eager.conf", Map.of("loads", "0.8", "processes", "300000"));
    double none = r.get(0).meanResponse();
    double random = r.get(1).meanResponse();
    double threshold = r.get(2).meanResponse();
    double shortest = r.get(3).meanResponse();
    assertThat(random).isLessThan(none / 2);
    assertThat(threshold).isLessThan(random * 0.85);
    assertThat(shortest).isLessThan(threshold).isGreaterThan(threshold * 0.9);
  }

  @Test
  void mitzenmacherTheApparentlyShortestHerdsOnOldInformationTwoChoicesDoNot() throws Exception {
    List<RunResult> r = run("mitzenmacher.conf", Map.of("info.period", "10", "processes", "300000"));
    double random = r.get(0).meanResponse();
    double two = r.get(1).meanResponse();
    double shortest = r.get(3).meanResponse();
    assertThat(shortest).isGreaterThan(random * 1.5);
    assertThat(two).isLessThan(random * 0.7);
  }

  @Test
  void harcholBalterDowneyPreemptiveBeatsRemoteExecution() throws Exception {
    List<RunResult> r = run("harchol-balter-downey.conf", Map.of("loads", "0.7", "processes", "300000"));
    RunResult none = r.get(0);
    RunResult remote = r.get(1);
    RunResult preemptive = r.get(2);
    assertThat(remote.meanDelay()).isLessThan(none.meanDelay());
    assertThat(preemptive.meanDelay()).isLessThan(remote.meanDelay() * 0.8);
    assertThat(preemptive.meanSlowdown()).isLessThan(remote.meanSlowdown());
  }
  @Test
  void mitzenmacherConstantAgeInformationTwoChoicesHoldToAgeFiveButNotTwentyFive() throws Exception {
    List<RunResult> five = run("mitzenmacher.conf", Map.of("info", "delayed", "info.delay", "5",
        "processes", "300000"));
    assertThat(five.get(1).meanResponse()).isLessThan(five.get(0).meanResponse() * 0.7);
    assertThat(five.get(3).meanResponse()).isGreaterThan(five.get(0).meanResponse() * 1.5);
    List<RunResult> old = run("mitzenmacher.conf", Map.of("info", "delayed", "info.delay", "25",
        "processes", "300000"));
    assertThat(old.get(1).meanResponse()).isGreaterThan(old.get(0).meanResponse() * 1.05);
  }

  @Test
  void harcholBalterDowneyDearMigrationsKeepTheBetterSlowdownButLoseOnDelay() throws Exception {
    // table 2b at 4.3 s per migration (0.3 s + 1 MiB at 256 KiB/s)
    List<RunResult> r = run("harchol-balter-downey.conf", Map.of("loads", "0.7", "processes", "300000",
        "migration.bandwidth", "256k"));
    RunResult remote = r.get(1);
    RunResult preemptive = r.get(2);
    assertThat(preemptive.meanSlowdown()).isLessThan(remote.meanSlowdown());
    assertThat(preemptive.meanDelay()).isGreaterThan(remote.meanDelay() * 1.2);
  }

  @Test
  void migrationBeyondPlacementIsModestInResponseTimeAndLargeInDelay() throws Exception {
    // table 2c, exponential lifetimes: ELZ88's "no major benefits" and HB&D's 35-50 % in one run
    List<RunResult> r = run("migration-vs-placement.conf", Map.of("loads", "0.5", "processes", "300000"));
    RunResult remote = r.get(1);
    RunResult both = r.get(3);
    assertThat(both.meanResponse()).isLessThan(remote.meanResponse()).isGreaterThan(remote.meanResponse() * 0.85);
    assertThat(both.meanDelay()).isLessThan(remote.meanDelay() * 0.75);
  }
}
