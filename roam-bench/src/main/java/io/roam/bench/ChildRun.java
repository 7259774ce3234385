package io.roam.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One fresh JVM started by a driver: its exit code, its output, the time from just before
 * {@link ProcessBuilder#start} to its first line on standard output and to its exit.
 */
record ChildRun(int exitCode, String stdout, String stderr, long firstLineNanos, long totalNanos) {

  static ChildRun run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    p.getOutputStream().close();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread errPump = new Thread(() -> {
      try (InputStream in = p.getErrorStream()) {
        in.transferTo(err);
      } catch (IOException e) {
        // the process died: what was read is kept
      }
    });
    errPump.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long firstLine = -1;
    try (InputStream in = p.getInputStream()) {
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) >= 0; ) {
        if (firstLine < 0) {
          for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
              firstLine = System.nanoTime() - t0;
              break;
            }
          }
        }
        out.write(buf, 0, n);
      }
    }
    int code = p.waitFor();
    long total = System.nanoTime() - t0;
    errPump.join();
    return new ChildRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        firstLine, total);
  }

  /** The first line of stdout, or "" when there is none. */
  String firstLine() {
    int nl = stdout.indexOf('\n');
    return nl < 0 ? stdout : stdout.substring(0, nl);
  }

  /** A one-line account of a run that went wrong. */
  String failure() {
    String e = stderr.strip();
    return "exit code " + exitCode + (e.isEmpty() ? "" : ", stderr: " + e.lines().limit(5).reduce((a, b) -> a + " / " + b).orElse(""));
  }
}
