package io.roam.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimCommandTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("user.dir")).getParent()
      .resolve("docs/sim/example.conf");

  @Test
  void theExampleConfigurationWritesTablesAndPlots(@TempDir Path out) throws Exception {
    StringWriter text = new StringWriter();
    CommandLine cl = new CommandLine(new SimCommand());
    cl.setOut(new PrintWriter(text));
    int code = cl.execute("-c", EXAMPLE.toString(), "--set", "processes=5000", "--set", "loads=0.5,0.9",
        "-o", out.toString());
    assertThat(code).isZero();
    assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 2 * 6);
    assertThat(Files.readString(out.resolve("results.md"))).contains("| Threshold (T=2, Lp=3) | 0.90 |");
    assertThat(Files.readString(out.resolve("response.svg"))).contains("<svg");
    assertThat(Files.size(out.resolve("slowdown.png"))).isGreaterThan(1000);
    assertThat(text.toString()).contains("Preemptive (age criterion)").contains("wrote ");
  }

  @Test
  void aConfigurationWithTrafficAddsTheTrafficColumns(@TempDir Path out) throws Exception {
    Path affinity = EXAMPLE.resolveSibling("affinity.conf");
    StringWriter text = new StringWriter();
    CommandLine cl = new CommandLine(new SimCommand());
    cl.setOut(new PrintWriter(text));
    int code = cl.execute("-c", affinity.toString(), "--set", "processes=4000", "--set", "loads=0.5",
        "--set", "policies=none,affinity-toward", "--no-plots", "-o", out.toString());
    assertThat(code).isZero();
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertThat(csv).hasSize(3);
    assertThat(csv.get(0)).contains("remote msg fraction,remote msgs/proc,remote file MiB/proc,file MiB/proc,"
        + "stall/proc (s),wall (s)");
    assertThat(csv.get(1).split(",", -1)).hasSize(csv.get(0).split(",", -1).length);
    assertThat(text.toString()).contains("migration cost: roam-measured-2026-11");
  }

  @Test
  void helpExplainsEveryKnob() {
    String help = new CommandLine(new SimCommand()).getUsageMessage();
    for (String knob : SimConfig.KNOBS.keySet()) {
      assertThat(help).contains(knob);
    }
    assertThat(help).contains("policy.NAME.placement").contains("policy.NAME.guard");
  }

  @Test
  void theCommentedExampleMentionsEveryKnob() throws Exception {
    String example = Files.readString(EXAMPLE);
    for (String knob : SimConfig.KNOBS.keySet()) {
      assertThat(example).as(knob).contains(knob + " =");
    }
  }
}
