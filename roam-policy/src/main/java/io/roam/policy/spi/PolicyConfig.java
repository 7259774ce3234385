package io.roam.policy.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of one policy, as text keys and values from a configuration file (for example
 * every {@code policy.NAME.location.*} key with that prefix removed). Typed getters parse on demand
 * and name the key in their errors. Immutable.
 *
 * @param where where the parameters came from, for error messages (e.g. "policy.fast.location")
 * @param values the parameters
 */
public record PolicyConfig(String where, Map<String, String> values) {
  /** Copies the map. */
  public PolicyConfig {
    values = Map.copyOf(values);
  }

  /** No parameters. */
  public static PolicyConfig empty() {
    return new PolicyConfig("(defaults)", Map.of());
  }

  /** Parameters given as alternating keys and values, for tests and code. */
  public static PolicyConfig of(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new PolicyConfig("(code)", m);
  }

  /** The keys under {@code prefix + "."}, with the prefix removed. */
  public PolicyConfig subset(String prefix) {
    Map<String, String> m = new TreeMap<>();
    String p = prefix + ".";
    values.forEach((k, v) -> {
      if (k.startsWith(p)) {
        m.put(k.substring(p.length()), v);
      }
    });
    return new PolicyConfig(where + "." + prefix, m);
  }

  /** The text value of {@code key}, or {@code fallback}. */
  public String getString(String key, String fallback) {
    return values.getOrDefault(key, fallback).trim();
  }

  /** The number at {@code key}, or {@code fallback}; "inf" means infinity. */
  public double getDouble(String key, double fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    String t = v.trim();
    if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
      return Double.POSITIVE_INFINITY;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new PolicyConfigException(where + "." + key + " = '" + v + "' is not a number");
    }
  }

  /** The integer at {@code key}, or {@code fallback}. */
  public int getInt(String key, int fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new PolicyConfigException(where + "." + key + " = '" + v + "' is not an integer");
    }
  }

  /** The size in bytes at {@code key} (suffixes k, M, G: powers of 1024), or {@code fallback}. */
  public long getBytes(String key, long fallback) {
    String v = values.get(key);
    return v == null ? fallback : parseBytes(where + "." + key, v);
  }

  /** Parses a byte size such as {@code 512k}, {@code 4M}, {@code 1G} or {@code 1000}. */
  public static long parseBytes(String what, String text) {
    String t = text.trim();
    long mult = 1;
    char last = t.isEmpty() ? ' ' : Character.toUpperCase(t.charAt(t.length() - 1));
    if (last == 'K' || last == 'M' || last == 'G') {
      mult = last == 'K' ? 1L << 10 : last == 'M' ? 1L << 20 : 1L << 30;
      t = t.substring(0, t.length() - 1);
    }
    try {
      return Math.round(Double.parseDouble(t) * mult);
    } catch (NumberFormatException e) {
      throw new PolicyConfigException(what + " = '" + text + "' is not a byte size (e.g. 4M)");
    }
  }

  /** The boolean at {@code key} (true/false, on/off, yes/no), or {@code fallback}. */
  public boolean getBoolean(String key, boolean fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true": case "on": case "yes": return true;
      case "false": case "off": case "no": return false;
      default: throw new PolicyConfigException(where + "." + key + " = '" + v + "' is not true/false");
    }
  }
}
