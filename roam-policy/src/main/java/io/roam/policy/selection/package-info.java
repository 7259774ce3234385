/**
 * Selection policies: which process to move to a chosen destination: the age criterion of
 * Harchol-Balter &amp; Downey, the smallest state, communication affinity and data locality.
 */
package io.roam.policy.selection;
