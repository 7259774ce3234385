/**
 * Activation policies: when a node acts on its load, as a {@link io.roam.policy.activation.Role}
 * (sender, receiver, neutral) from thresholds with hysteresis, evaluated periodically or on events;
 * sender-initiated, receiver-initiated or symmetric.
 */
package io.roam.policy.activation;
