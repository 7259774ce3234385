/**
 * The service-provider interface: {@link io.roam.policy.spi.PolicyRegistry} creates a policy of any
 * family from a name in configuration (a built-in alias or a class name) and its {@link
 * io.roam.policy.spi.PolicyConfig parameters}.
 */
package io.roam.policy.spi;
