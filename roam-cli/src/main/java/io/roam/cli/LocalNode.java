package io.roam.cli;

import io.roam.kernel.node.DurableNode;
import io.roam.kernel.node.NodeKernel;
import io.roam.kernel.node.ProcessId;
import io.roam.kernel.node.ProcessInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code roam local node} and {@code roam local recover}: a durable multi-process node in this JVM. */
final class LocalNode {
  private LocalNode() {}

  /** Options shared by node and recover. */
  static final class Durability {
    @Option(names = "--checkpoint-every", paramLabel = "DURATION", defaultValue = "1s",
        converter = DurationConverter.class,
        description = "Checkpoint every running process this often (default ${DEFAULT-VALUE}).")
    Duration every;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "3",
        description = "Checkpoints kept per process, newest first (default ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--workers", paramLabel = "N",
        description = "Worker threads: processes running at once (default: one per core).")
    Integer workers;

    NodeKernel.Config config() {
      NodeKernel.Config c = NodeKernel.Config.defaults("n1");
      return workers == null ? c : c.withWorkers(workers);
    }
  }

  @Command(name = "node", mixinStandardHelpOptions = true,
      description = {"Run several programs at once on a durable node in this JVM, until all end.",
          "Each --program is 'MAIN [ARGS…]' (split at spaces) from the class path CP. Every process gets",
          "a directory DIR/<pid>/ with its standard output (out), standard error (err), description",
          "(process.properties) and its newest checkpoints. If this JVM dies (even kill -9),",
          "'roam local recover DIR' resumes every unfinished process from its last checkpoint; their",
          "out and err files then read as if nothing had happened: no byte twice, none lost.",
          "Prints one line per process when it ends, then one per file it used with the bytes it read and",
          "wrote; exit code 0 when every program exited 0, else 1."})
  static final class Node implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", required = true,
        description = "Node directory (created; must not hold processes yet).")
    Path dir;

    @Option(names = {"--cp", "-cp", "--class-path"}, paramLabel = "CP", required = true,
        description = "Class path of the programs.")
    String classPath;

    @Option(names = "--program", paramLabel = "'MAIN [ARGS…]'", required = true,
        description = "A program to run (repeatable).")
    List<String> programs;

    @picocli.CommandLine.Mixin Durability durability = new Durability();

    @Override
    public Integer call() throws Exception {
      try (DurableNode n = DurableNode.create(dir, durability.config(), durability.every, durability.keep)) {
        for (String p : programs) {
          String[] words = p.trim().split("\\s+");
          ProcessId pid = n.spawn(classPath, words[0], java.util.Arrays.copyOfRange(words, 1, words.length));
          System.err.println("roam: started " + pid + " " + p.trim() + " (output in " + dir.resolve(pid.toString()) + ")");
        }
        return report(n.awaitAll(Duration.ofDays(3650)), n.processes());
      }
    }
  }

  @Command(name = "recover", mixinStandardHelpOptions = true,
      description = {"Resume every unfinished process of a node directory (see 'roam local node') from its",
          "newest readable checkpoint (from its start if it had none) and run them until all end.",
          "Output continues in DIR/<pid>/out and err without repeating what was already written there."})
  static final class Recover implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The node directory.")
    Path dir;

    @picocli.CommandLine.Mixin Durability durability = new Durability();

    @Override
    public Integer call() throws Exception {
      try (DurableNode n = DurableNode.recover(dir, durability.config(), durability.every, durability.keep)) {
        System.err.println("roam: recovered " + n.recoveredUnfinished() + " unfinished process(es) from " + dir);
        n.recoveredFrom().forEach((pid, round) -> System.err.println("roam: " + pid + " resumed "
            + (round == 0 ? "from its start" : "from checkpoint round " + round)));
        n.filesCutBack().forEach((pid, files) -> {
          if (files > 0) {
            System.err.println("roam: " + pid + " had " + files + " file(s) cut back to their length at the checkpoint");
          }
        });
        return report(n.awaitAll(Duration.ofDays(3650)), n.processes());
      }
    }
  }

  private static int report(Map<ProcessId, ProcessInfo> ends, Map<ProcessId, Path> dirs) {
    int code = 0;
    for (Map.Entry<ProcessId, ProcessInfo> e : ends.entrySet()) {
      ProcessInfo i = e.getValue();
      System.err.println("roam: " + dirs.get(e.getKey()).getFileName() + " " + i.mainClass() + " "
          + (i.failure() != null ? "failed (" + i.failure() + ")" : "exited " + i.exitCode()));
      i.fileBytes().forEach((path, b) -> System.err.println("roam: " + dirs.get(e.getKey()).getFileName()
          + " file " + path + ": read " + b.read() + " bytes, wrote " + b.written() + " bytes"));
      if (i.exitCode() != 0) {
        code = 1;
      }
    }
    return code;
  }
}
