package io.roam.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 3m}, {@code 100us} or an ISO-8601 duration. */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern P = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)");

  @Override
  public Duration convert(String value) {
    Matcher m = P.matcher(value.trim());
    if (m.matches()) {
      double n = Double.parseDouble(m.group(1));
      double nanos = n * switch (m.group(2)) {
        case "ns" -> 1;
        case "us" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      return Duration.ofNanos((long) nanos);
    }
    try {
      return Duration.parse(value);
    } catch (RuntimeException e) {
      throw new TypeConversionException("'" + value + "' is not a duration; use e.g. 500ms, 2s, 1m");
    }
  }
}
