package io.roam.sim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Communication and data traffic of the simulated processes, what it costs, and the per-process
 * accounting handed to the policies.
 *
 * <p>Model (fluid, driven by CPU progress). Processes arrive in jobs of {@code groupSize}; while it
 * runs, each member sends {@code messageRate} messages of {@code messageBytes} per CPU second it
 * receives, spread evenly over the group's other live members that are on a node (a member
 * that has not started yet, or has exited, receives nothing; a member left alone sends nothing), and does {@code fileRate} file
 * operations of {@code fileBytes} per CPU second against the job's data, which lives on one node
 * (the job's arrival node, or a random node). A message or file operation between different nodes
 * costs its process {@code latency + bytes / bandwidth} seconds of stall and counts as remote; on one
 * node it costs {@code localLatency}. Stall is added to the process's response time at exit; it does
 * not occupy the CPU and does not move the process's CPU demand later in time (an open-loop
 * approximation that keeps the processor-sharing engine unchanged).
 *
 * <p>Accounting is exact under that model: a group is settled (the traffic since its last settlement
 * attributed to where its members are) before any member changes node, exits, or is described to a
 * policy. {@link #bytesToPeers} maps each peer's bytes onto the node where the peer is now (or was at
 * exit), which is how the node kernel's per-peer accounting will be mapped onto {@code ProcessInfo}.
 *
 * <p>Call order per process: {@link #join} once at creation, {@link #moveTo} whenever its node is
 * decided (start, placement, migration; before the move takes effect), {@link #leave} once at exit.
 * Not thread-safe; one instance per simulation run.
 */
final class Traffic {
  /** The CPU seconds a live process has received so far (read at settlement). */
  interface Progress {
    double cpu(int slot);
  }

  /** Traffic totals of a run (messages counted fractionally, as the fluid model produces them). */
  record Totals(double localMessages, double remoteMessages, double localFileBytes, double remoteFileBytes,
      double stallSeconds) {
    static final Totals NONE = new Totals(0, 0, 0, 0, 0);

    /** Fraction of messages that crossed nodes (NaN without messages). */
    double remoteMessageFraction() {
      return remoteMessages / (localMessages + remoteMessages);
    }
  }

  private final int groupSize;
  private final double messageRate;
  private final double messageBytes;
  private final double fileRate;
  private final double fileBytes;
  private final boolean randomDataHome;
  private final double latency;
  private final double localLatency;
  private final double secondsPerByte;
  private final Progress progress;

  private int[][] members = new int[64][];
  private int[][] lastNode = new int[64][];
  private int[] joined = new int[64];
  private int[] live = new int[64];
  private int[] freeGroups = new int[64];
  private int freeGroupCount;
  private int groupHighWater;

  private int[] group = new int[256];
  private int[] member = new int[256];
  private int[] where = new int[256];
  private int[] dataNode = new int[256];
  private double[] settledCpu = new double[256];
  private double[] stall = new double[256];
  private double[] fileDone = new double[256];
  private double[][] peerBytes = new double[256][];
  private double[][] peerMessages = new double[256][];

  private double localMessages;
  private double remoteMessages;
  private double localFileBytes;
  private double remoteFileBytes;
  private double stallSeconds;

  Traffic(int groupSize, double messageRate, double messageBytes, double fileRate, double fileBytes,
      boolean randomDataHome, double latency, double localLatency, double bytesPerSecond, Progress progress) {
    if (groupSize < 1) {
      throw new IllegalArgumentException("traffic.group-size must be at least 1, got " + groupSize);
    }
    this.groupSize = groupSize;
    this.messageRate = messageRate;
    this.messageBytes = messageBytes;
    this.fileRate = fileRate;
    this.fileBytes = fileBytes;
    this.randomDataHome = randomDataHome;
    this.latency = latency;
    this.localLatency = localLatency;
    this.secondsPerByte = bytesPerSecond <= 0 ? 0 : 1.0 / bytesPerSecond;
    this.progress = progress;
  }

  /** The traffic of a configuration, or null when it has none (then the simulator skips all of this). */
  static Traffic of(SimConfig cfg, Progress progress) {
    int k = (int) cfg.number("traffic.group-size");
    double fileRate = cfg.number("traffic.file-rate");
    if (k <= 1 && fileRate <= 0) {
      return null;
    }
    String home = cfg.text("traffic.data-home");
    if (!home.equals("arrival") && !home.equals("random")) {
      throw new io.roam.policy.spi.PolicyConfigException("traffic.data-home = '" + home + "' (arrival, random)");
    }
    return new Traffic(Math.max(1, k), cfg.number("traffic.message-rate"), cfg.bytes("traffic.message-size"),
        fileRate, cfg.bytes("traffic.file-size"), home.equals("random"), cfg.number("network.latency"),
        cfg.number("network.local-latency"), cfg.bytes("network.bandwidth"), progress);
  }

  /** Processes per job. */
  int groupSize() {
    return groupSize;
  }

  /** Whether a job's data lives on a random node rather than on its arrival node. */
  boolean randomDataHome() {
    return randomDataHome;
  }

  /** Seconds a message or file operation of {@code bytes} costs between two nodes. */
  double remoteCost(double bytes) {
    return latency + bytes * secondsPerByte;
  }

  /** A new, empty job group. */
  int newGroup() {
    int g = freeGroupCount > 0 ? freeGroups[--freeGroupCount] : groupHighWater++;
    if (g == members.length) {
      int n = g * 2;
      members = Arrays.copyOf(members, n);
      lastNode = Arrays.copyOf(lastNode, n);
      joined = Arrays.copyOf(joined, n);
      live = Arrays.copyOf(live, n);
    }
    if (members[g] == null) {
      members[g] = new int[groupSize];
      lastNode[g] = new int[groupSize];
    }
    Arrays.fill(members[g], -1);
    joined[g] = 0;
    live[g] = 0;
    return g;
  }

  /** Process {@code slot} joins group {@code g}; its files live on {@code data}. Not yet on a node. */
  void join(int slot, int g, int data) {
    ensure(slot);
    int m = joined[g]++;
    members[g][m] = slot;
    lastNode[g][m] = -1;
    live[g]++;
    group[slot] = g;
    member[slot] = m;
    where[slot] = -1;
    dataNode[slot] = data;
    settledCpu[slot] = 0;
    stall[slot] = 0;
    fileDone[slot] = 0;
    if (peerBytes[slot] == null) {
      peerBytes[slot] = new double[groupSize];
      peerMessages[slot] = new double[groupSize];
    } else {
      Arrays.fill(peerBytes[slot], 0);
      Arrays.fill(peerMessages[slot], 0);
    }
  }

  /** Process {@code slot} is (about to be) on {@code node}: its group's traffic so far is settled first. */
  void moveTo(int slot, int node) {
    settle(group[slot]);
    where[slot] = node;
  }

  /** Process {@code slot} exits; returns its total stall (s). Its group is settled first. */
  double leave(int slot) {
    int g = group[slot];
    settle(g);
    int m = member[slot];
    lastNode[g][m] = where[slot];
    members[g][m] = -1;
    if (--live[g] == 0 && joined[g] == groupSize) {
      freeGroups = freeGroupCount == freeGroups.length ? Arrays.copyOf(freeGroups, freeGroupCount * 2) : freeGroups;
      freeGroups[freeGroupCount++] = g;
    }
    stallSeconds += stall[slot];
    return stall[slot];
  }

  /** Settles the group of {@code slot}, so that its accounting is current. */
  void settleGroupOf(int slot) {
    settle(group[slot]);
  }

  /** Bytes {@code slot} exchanged with its peers, by the node each peer is on now (or exited on). */
  Map<Integer, Long> bytesToPeers(int slot) {
    return byPeerNode(slot, peerBytes[slot]);
  }

  /** Messages {@code slot} exchanged with its peers (rounded), by the node each peer is on now. */
  Map<Integer, Long> messagesToPeers(int slot) {
    return byPeerNode(slot, peerMessages[slot]);
  }

  private Map<Integer, Long> byPeerNode(int slot, double[] b) {
    int g = group[slot];
    Map<Integer, Long> out = new HashMap<>();
    for (int m = 0; m < joined[g]; m++) {
      if (b[m] > 0) {
        int peer = members[g][m];
        int node = peer >= 0 ? where[peer] : lastNode[g][m];
        out.merge(node, Math.round(b[m]), Long::sum);
      }
    }
    return out;
  }

  /** Bytes of file I/O of {@code slot}, by the node holding the files. */
  Map<Integer, Long> fileBytesPerNode(int slot) {
    return fileDone[slot] > 0 ? Map.of(dataNode[slot], Math.round(fileDone[slot])) : Map.of();
  }

  /** The run's totals so far (stall only of processes that have exited). */
  Totals totals() {
    return new Totals(localMessages, remoteMessages, localFileBytes, remoteFileBytes, stallSeconds);
  }

  private void settle(int g) {
    int[] ms = members[g];
    for (int m = 0; m < joined[g]; m++) {
      int i = ms[m];
      if (i < 0 || where[i] < 0) {
        continue;
      }
      double cpu = progress.cpu(i);
      double d = cpu - settledCpu[i];
      settledCpu[i] = cpu;
      if (d > 0) {
        send(g, i, d);
        readAndWrite(i, d);
      }
    }
  }

  /** Member {@code i}'s messages for {@code cpu} seconds of progress, spread over its live peers. */
  private void send(int g, int i, double cpu) {
    int peers = placedPeers(g, i);
    if (peers <= 0 || messageRate <= 0) {
      return;
    }
    double each = cpu * messageRate / peers;
    double bytes = each * messageBytes;
    int[] ms = members[g];
    for (int m = 0; m < joined[g]; m++) {
      int j = ms[m];
      if (j < 0 || j == i || where[j] < 0) {
        continue;
      }
      peerBytes[i][m] += bytes;
      peerBytes[j][member[i]] += bytes;
      peerMessages[i][m] += each;
      peerMessages[j][member[i]] += each;
      if (where[j] == where[i]) {
        localMessages += each;
        stall[i] += each * localLatency;
      } else {
        remoteMessages += each;
        stall[i] += each * remoteCost(messageBytes);
      }
    }
  }

  /** Live members of {@code g} other than {@code i} that are on (or bound for) a node. */
  private int placedPeers(int g, int i) {
    int c = 0;
    for (int m = 0; m < joined[g]; m++) {
      int j = members[g][m];
      if (j >= 0 && j != i && where[j] >= 0) {
        c++;
      }
    }
    return c;
  }

  private void readAndWrite(int i, double cpu) {
    if (fileRate <= 0) {
      return;
    }
    double ops = cpu * fileRate;
    double bytes = ops * fileBytes;
    fileDone[i] += bytes;
    if (where[i] == dataNode[i]) {
      localFileBytes += bytes;
      stall[i] += ops * localLatency;
    } else {
      remoteFileBytes += bytes;
      stall[i] += ops * remoteCost(fileBytes);
    }
  }

  private void ensure(int slot) {
    if (slot < group.length) {
      return;
    }
    int n = Math.max(group.length * 2, slot + 1);
    group = Arrays.copyOf(group, n);
    member = Arrays.copyOf(member, n);
    where = Arrays.copyOf(where, n);
    dataNode = Arrays.copyOf(dataNode, n);
    settledCpu = Arrays.copyOf(settledCpu, n);
    stall = Arrays.copyOf(stall, n);
    fileDone = Arrays.copyOf(fileDone, n);
    peerBytes = Arrays.copyOf(peerBytes, n);
    peerMessages = Arrays.copyOf(peerMessages, n);
  }
}
