package io.roam.cli;

import io.roam.kernel.LocalKernel;
import io.roam.kernel.RoamException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code roam local …}: one process under the kernel in this JVM, no cluster. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = "Run, freeze and resume a program in this JVM, without a cluster; check it against the"
        + " sandbox; run several programs on a durable node and recover them after a crash.",
    subcommands = {LocalCommand.Run.class, LocalCommand.Resume.class, LocalCheck.class,
        LocalNode.Node.class, LocalNode.Recover.class})
final class LocalCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** Options shared by run and resume. */
  static final class Freeze {
    @Option(names = "--freeze-after", paramLabel = "DURATION",
        description = "Freeze the program after this long (e.g. 500ms, 2s, 1m) and write the snapshot.",
        converter = DurationConverter.class)
    Duration after;

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Where to write the snapshot.")
    Path file;

    void validate(picocli.CommandLine cl) {
      if ((after == null) != (file == null)) {
        throw new picocli.CommandLine.ParameterException(cl,
            "--freeze-after and --snapshot go together: give both or neither");
      }
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Run MAIN from the class path CP under the Roam kernel.",
          "Standard output, standard error and exit code are the program's, as with 'java -cp CP MAIN ARGS'.",
          "With --freeze-after D --snapshot F: after D, stop the program at a safe point, write its",
          "snapshot to F and exit 0 (if the program ends first, it ends normally and no snapshot is written).",
          "Roam's own messages go to standard error only."})
  static final class Run implements Callable<Integer> {
    @Option(names = {"--cp", "-cp", "--class-path"}, paramLabel = "CP", required = true,
        description = "Class path of the program: jars and directories separated by '${sys:path.separator}'.")
    String classPath;

    @picocli.CommandLine.Mixin Freeze freeze = new Freeze();

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAIN", description = "Fully qualified main class.")
    String mainClass;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments of the program.")
    List<String> args = List.of();

    @Override
    public Integer call() throws Exception {
      freeze.validate(spec.commandLine());
      LocalKernel k = new LocalKernel(System.err);
      return finish(k.prepare(classPath, mainClass, args.toArray(String[]::new)), freeze);
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true,
      description = {"Resume the process in snapshot FILE in this JVM, exactly where it was frozen.",
          "Can itself freeze again (--freeze-after D --snapshot F2): chains of moves work indefinitely."})
  static final class Resume implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "Snapshot written by a freeze.")
    Path snapshot;

    @picocli.CommandLine.Mixin Freeze freeze = new Freeze();

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      freeze.validate(spec.commandLine());
      LocalKernel k = new LocalKernel(System.err);
      return finish(k.prepareResume(snapshot), freeze);
    }
  }

  static int finish(LocalKernel.Prepared p, Freeze freeze) throws Exception {
    LocalKernel.Result r;
    try {
      r = p.run(freeze.after, freeze.file);
    } catch (RoamException e) {
      if (e.getCause() instanceof io.roam.instrument.sandbox.SandboxViolationException) {
        e.getMessage().lines().forEach(line -> System.err.println("roam: " + line));
      } else {
        System.err.println("roam: " + RoamCommand.oneLine(e));
      }
      return 2;
    }
    if (r instanceof LocalKernel.Frozen f) {
      System.err.printf("roam: frozen in %s, %.3f ms after the request; snapshot %s (%d bytes) written in %.1f ms%n",
          f.where(), f.timeToSafePointNanos() / 1e6, f.snapshot(), f.bytes(), f.captureNanos() / 1e6);
      return 0;
    }
    return r instanceof LocalKernel.Exited e ? e.code() : ((LocalKernel.NoSnapshot) r).code();
  }
}
