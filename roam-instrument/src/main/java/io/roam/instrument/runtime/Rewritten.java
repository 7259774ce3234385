package io.roam.instrument.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Stamp on every class the instrumenter rewrote; checked before a snapshot is restored. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Rewritten {
  /** The rewriter version ({@code Instrumenter.VERSION}) that produced the class. */
  int version();
}
