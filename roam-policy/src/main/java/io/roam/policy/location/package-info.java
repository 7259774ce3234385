/**
 * Location policies: to which node a transfer goes (or, for a receiver, which node to ask): the
 * least loaded of d probed nodes, the power of d choices, random, the most loaded (receiver side),
 * and affinity to a process's peers and data.
 */
package io.roam.policy.location;
