package io.roam.cli;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** What the recovery tests read from a durable node's directory (docs/design/node-kernel.md). */
final class NodeDir {
  private NodeDir() {}

  /**
   * The round of the last consistent cut written in {@code node} if it holds process {@code pid},
   * else 0 (also while no cut is complete yet, or while one is being replaced).
   */
  static long cutRound(Path node, String pid) {
    try {
      Properties p = load(node.resolve("cut.properties"));
      return p.getProperty("pids", "").contains(pid) ? Long.parseLong(p.getProperty("round")) : 0;
    } catch (Exception e) {
      return 0;
    }
  }

  /** {@code process.properties} of a process directory: state, exit code, parent … */
  static Properties props(Path processDir) throws Exception {
    return load(processDir.resolve("process.properties"));
  }

  private static Properties load(Path file) throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return p;
  }
}
