package io.roam.sim;

import io.roam.policy.spi.PolicyConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's configuration format: one {@code key = value} per line; blank lines and lines
 * starting with {@code #} are ignored, as is everything after a {@code #} preceded by a space. A key
 * given twice keeps its last value. Stateless.
 */
final class ConfigFile {
  private ConfigFile() {}

  static Map<String, String> read(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file));
  }

  static Map<String, String> parse(String where, List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = stripComment(lines.get(i)).trim();
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new PolicyConfigException(where + ":" + (i + 1) + ": expected 'key = value', got '" + line + "'");
      }
      out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
    }
    return out;
  }

  private static String stripComment(String line) {
    if (line.trim().startsWith("#")) {
      return "";
    }
    int c = line.indexOf(" #");
    return c < 0 ? line : line.substring(0, c);
  }
}
