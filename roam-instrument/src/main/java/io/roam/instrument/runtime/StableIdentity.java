package io.roam.instrument.runtime;

/**
 * Implemented by the topmost process class of every hierarchy (added by the instrumenter): an
 * identity hash code that is a field of the object and so survives capture and restore. The
 * injected {@code hashCode()} (where the class would inherit {@code Object.hashCode}) and the
 * virtual {@code System.identityHashCode} both answer with it.
 */
public interface StableIdentity {
  /** Name of the injected int field holding the hash (0 = not yet assigned). */
  String FIELD = "$roam$ihash";

  /** Name of this interface's method as injected. */
  String METHOD = "$roam$identityHash";

  /** The object's stable identity hash, assigned on first use. */
  int $roam$identityHash();
}
