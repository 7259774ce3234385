/**
 * Roam's scheduling policies as pure code: the shared data model (load snapshots, process
 * accounting, decisions) and the {@link io.roam.policy.Scheduler} that composes one policy of each
 * family. Families live in their own packages: {@code load}, {@code activation}, {@code selection},
 * {@code location}, {@code placement}, {@code guard}, {@code owner}, and {@code spi} to create any of
 * them by name. Nothing here starts a thread, does I/O or reads a clock: time and randomness are
 * parameters, so the node daemon and the simulator run exactly the same decisions.
 */
package io.roam.policy;
