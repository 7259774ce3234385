package io.roam.cli;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a program under Roam as a chain: start with {@code roam local run --freeze-after t0}, then
 * {@code roam local resume --freeze-after t1}, … each in a new JVM, and the last resume runs to the
 * end. Concatenates what the program printed across the chain, as a user at the terminal would
 * see it.
 */
final class FreezeChain {
  /** The joined result and how many freezes actually happened. */
  record Result(int exit, byte[] out, byte[] err, int freezes, List<String> roamLines) {}

  private FreezeChain() {}

  static Result run(Path dir, String cp, String main, List<Duration> freezes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> roamLines = new ArrayList<>();
    Path snapshot = null;
    int done = 0;
    for (int i = 0; i <= freezes.size(); i++) {
      List<String> args = new ArrayList<>();
      if (snapshot == null) {
        args.addAll(List.of("local", "run", "--cp", cp));
      } else {
        args.addAll(List.of("local", "resume", snapshot.toString()));
      }
      Path next = dir.resolve("snap-" + i + ".roam");
      if (i < freezes.size()) {
        args.addAll(List.of("--freeze-after", freezes.get(i).toMillis() + "ms", "--snapshot", next.toString()));
      }
      if (snapshot == null) {
        args.add(main);
      }
      Jvm.Run r = Jvm.roam(args.toArray(String[]::new));
      out.write(r.out());
      err.write(Jvm.programErr(r));
      for (String line : r.errText().split("\n")) {
        if (line.startsWith("roam: ")) {
          roamLines.add(line);
        }
      }
      if (i < freezes.size() && r.exit() == 0 && Files.exists(next)) {
        done++;
        snapshot = next;
        continue;
      }
      return new Result(r.exit(), out.toByteArray(), err.toByteArray(), done, roamLines);
    }
    throw new AssertionError("unreachable");
  }
}
