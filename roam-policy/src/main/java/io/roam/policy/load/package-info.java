/**
 * Load information: {@link io.roam.policy.load.LoadIndex load indices}, when to measure ({@link
 * io.roam.policy.load.CollectionPolicy}), smoothing ({@link io.roam.policy.load.ExponentialAverage},
 * {@link io.roam.policy.load.LoadSmoother}), and dissemination at a bounded cost ({@link
 * io.roam.policy.load.DisseminationPolicy}: broadcast, gossip to k peers, probing d nodes) into a
 * node's bounded {@link io.roam.policy.load.LoadTable}.
 */
package io.roam.policy.load;
