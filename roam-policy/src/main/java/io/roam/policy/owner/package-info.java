/**
 * Owner policies: foreign processes only while the owner is idle, at lower priority, evicted when
 * the owner returns.
 */
package io.roam.policy.owner;
