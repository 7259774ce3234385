package io.roam.policy.spi;

/**
 * A policy could not be created from configuration: unknown name, class of the wrong family, no
 * usable constructor, or a malformed parameter. The message names the configuration key.
 */
public final class PolicyConfigException extends RuntimeException {
  /** An error described by {@code message}. */
  public PolicyConfigException(String message) {
    super(message);
  }

  /** An error described by {@code message}, caused by {@code cause}. */
  public PolicyConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
