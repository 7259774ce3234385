/**
 * Remote execution (placement at start only) as a policy family of its own, so that it runs side by
 * side with preemptive migration: none (local), Eager et al.'s Random, Threshold and Shortest, and
 * any location policy (power of d choices, least loaded, affinity) used at start.
 */
package io.roam.policy.placement;
