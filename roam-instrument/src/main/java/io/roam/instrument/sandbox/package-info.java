/**
 * The sandbox: which process code would escape the kernel, and how it is refused. {@link
 * io.roam.instrument.sandbox.SandboxVerifier} judges a class when it loads, by the {@link
 * io.roam.instrument.sandbox.RuleTable}; {@link io.roam.instrument.sandbox.ReflectionGuard} routes
 * reflection whose target is only known at run time through {@code
 * io.roam.instrument.runtime.Sandbox}. Rules, messages and the static/dynamic split:
 * docs/design/sandbox.md.
 */
package io.roam.instrument.sandbox;
