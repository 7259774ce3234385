package io.roam.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
