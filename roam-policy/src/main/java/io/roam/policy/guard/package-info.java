/**
 * Guards against thrashing and unprofitable moves: minimum residence time, a migration budget per
 * node, and a cost/benefit estimate built on measured migration costs.
 */
package io.roam.policy.guard;
