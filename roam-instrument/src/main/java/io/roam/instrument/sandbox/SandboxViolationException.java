package io.roam.instrument.sandbox;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A process class was refused when it loaded because it would escape the kernel. The message has
 * one line per violation, each {@code sandbox: } followed by {@link Violation#message()}; the
 * command line prefixes each with {@code roam: }. The class is not defined and not cached.
 */
public final class SandboxViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Every violation of the refused class, in class-file order. */
  private final transient List<Violation> violations;

  public SandboxViolationException(List<Violation> violations) {
    super(violations.stream().map(v -> "sandbox: " + v.message()).collect(Collectors.joining("\n")));
    this.violations = List.copyOf(violations);
  }

  /** Every violation of the refused class, in class-file order. */
  public List<Violation> violations() {
    return violations;
  }
}
