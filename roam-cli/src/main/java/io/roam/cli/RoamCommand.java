package io.roam.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code roam} command. */
@Command(
    name = "roam",
    mixinStandardHelpOptions = true,
    version = "roam 0.1.0",
    description = {
      "Roam runs ordinary Java programs so that they can be frozen mid-run, moved and resumed",
      "exactly where they stopped, in another JVM."
    },
    subcommands = {LocalCommand.class, io.roam.sim.SimCommand.class, CommandLine.HelpCommand.class})
public final class RoamCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** Entry point of the {@code roam} launcher. */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (the program's own, for run/resume). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new RoamCommand());
    cl.setExecutionExceptionHandler((e, cmd, parse) -> {
      System.err.println("roam: " + oneLine(e));
      return 2;
    });
    cl.setParameterExceptionHandler((e, a) -> {
      System.err.println("roam: " + e.getMessage() + " (see '"
          + e.getCommandLine().getCommandSpec().qualifiedName(" ") + " --help')");
      return 2;
    });
    return cl.execute(args);
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
  }
}
