package io.roam.kernel.node;

/**
 * What the kernel accounts for one process, at one moment: the inputs of the load-balancing
 * policies and of {@code roam ps}. Immutable.
 *
 * @param pid the process id
 * @param mainClass the program's main class
 * @param status the lifecycle state
 * @param exitCode the exit code once EXITED (1 after an uncaught exception), else -1
 * @param failure why the process FAILED (or was killed), else null
 * @param nice the scheduling priority: -20 (most CPU) … 19 (least); foreign processes get more
 * @param foreign true when the process's home is another node
 * @param cpuNanos CPU time used on this node's workers
 * @param ageNanos time since the process was created or adopted by this node
 * @param slices time slices it ran (each ends in an exit, a preemption, a sleep or a capture)
 * @param preemptions slices that ended because the scheduler wanted the worker back
 * @param lastTimeToSafePointNanos time from the last capture or preemption request to the
 *     safe point that honoured it, or -1
 * @param maxTimeToSafePointNanos the largest such time, or -1
 * @param stateBytes size of the last snapshot written of the process, or -1 before the first
 * @param outBytes bytes the program wrote to its standard output
 * @param errBytes bytes the program wrote to its standard error
 * @param fileBytes bytes read and written per file (absolute path in the process's view), since
 *     the process started, across moves; see {@code io.roam.kernel.files}
 * @param peers messages exchanged through {@code io.roam.api.Roam}, per peer process
 * @param migrateHint the node the process last named in {@code Roam.migrateHint}, or null
 */
public record ProcessInfo(ProcessId pid, String mainClass, ProcessStatus status, int exitCode,
    String failure, int nice, boolean foreign, long cpuNanos, long ageNanos, long slices,
    long preemptions, long lastTimeToSafePointNanos, long maxTimeToSafePointNanos,
    long stateBytes, long outBytes, long errBytes,
    java.util.Map<String, io.roam.kernel.files.FileBytes> fileBytes,
    java.util.Map<ProcessId, PeerTraffic> peers,
    String migrateHint) {}
