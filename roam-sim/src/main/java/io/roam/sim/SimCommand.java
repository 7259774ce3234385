package io.roam.sim;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code roam sim}: runs the scheduling simulator on a configuration file and reports mean response
 * time and mean slowdown against load for each configured policy set, as a table on standard output,
 * {@code results.md}, {@code results.csv} and plots (PNG and SVG) in the output directory. The help
 * lists every knob of the configuration with its default. Usable as a subcommand of {@code roam} or
 * alone through {@link #main}.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    modelTransformer = SimCommand.KnobsInHelp.class,
    description = "Simulates distributed scheduling policies (roam-policy, the same code a node daemon runs)"
        + " on a discrete-event model of a cluster and compares them: mean response time and mean slowdown vs"
        + " load. Every run is reproducible from the seed. See docs/sim/example.conf for a commented example.")
public final class SimCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
      description = "configuration file: 'key = value' lines, '#' comments (knobs below)")
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "override a knob of the file (repeatable), e.g. --set processes=100000")
  Map<String, String> overrides = new LinkedHashMap<>();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output directory (overrides 'output')")
  Path output;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "runs simulated at once (results do not depend on it; default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--no-plots", description = "write the tables only")
  boolean noPlots;

  @CommandLine.Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, String> raw = new LinkedHashMap<>(ConfigFile.read(config));
    raw.putAll(overrides);
    if (output != null) {
      raw.put("output", output.toString());
    }
    SimConfig cfg = SimConfig.from(raw);
    PrintWriter out = spec.commandLine().getOut();
    out.println(describe(cfg));
    out.flush();
    List<RunResult> results = Experiment.run(cfg, threads);
    List<String[]> rows = Experiment.rows(results);
    out.print(Experiment.text(Experiment.header(results), rows));
    writeOutputs(cfg, results, rows, out);
    return 0;
  }

  private void writeOutputs(SimConfig cfg, List<RunResult> results, List<String[]> rows, PrintWriter out)
      throws Exception {
    Path dir = cfg.output();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.md"), "# " + cfg.title() + "\n\n" + describe(cfg).replace("\n", "  \n")
        + "\n\n" + Experiment.markdown(Experiment.header(results), rows));
    Files.writeString(dir.resolve("results.csv"), Experiment.csv(Experiment.header(results), rows));
    out.println("wrote " + dir.resolve("results.md") + ", " + dir.resolve("results.csv"));
    if (!noPlots) {
      for (Path p : Charts.write(cfg.title(), results, dir)) {
        out.println("wrote " + p);
      }
    }
  }

  static String describe(SimConfig cfg) {
    return cfg.title() + ": " + cfg.nodes() + " nodes, speeds " + cfg.values().get("node.speeds") + ", loads "
        + cfg.values().get("loads") + ", " + cfg.processes() + " processes per run, seed " + cfg.seed() + "\n"
        + "lifetimes: " + cfg.lifetimes().describe() + "; arrivals: " + cfg.values().get("arrivals")
        + "; load information: " + cfg.values().get("info") + "; migration cost: " + cfg.values().get("migration.cost")
        + " (" + Experiment.f("%.4g", cfg.migrationCost().fixedSeconds() * 1e3) + " ms + "
        + Experiment.f("%.4g", cfg.migrationCost().secondsPerByte() * 1e9) + " ns/B)";
  }

  /** Entry point without the {@code roam} launcher. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SimCommand()).execute(args));
  }

  /** Appends the knobs of {@link SimConfig#KNOBS} and the policy keys to the usage help. */
  static final class KnobsInHelp implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      StringBuilder b = new StringBuilder("%nConfiguration knobs (key = default: meaning):%n");
      SimConfig.KNOBS.forEach((k, v) -> b.append(String.format("  %-32s = %s%n      %s%n", k, v[0], v[1])
          .replace("%", "%%").replace("%%n", "%n")));
      b.append("%nPolicy sets (one per name listed in 'policies'):%n");
      for (String line : SimConfig.POLICY_HELP.split("\n")) {
        b.append("  ").append(line.replace("%", "%%")).append("%n");
      }
      spec.usageMessage().footer(b.toString());
      return spec;
    }
  }
}
