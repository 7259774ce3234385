package io.roam.sim;

import io.roam.policy.Migration;
import io.roam.policy.NodeLoad;
import io.roam.policy.Placement;
import io.roam.policy.ProcessInfo;
import io.roam.policy.Scheduler;
import io.roam.policy.activation.Role;
import io.roam.policy.load.CollectionPolicy;
import io.roam.policy.load.DisseminationPolicy;
import io.roam.policy.load.LoadEvent;
import io.roam.policy.load.LoadSmoother;
import io.roam.policy.load.LoadTable;
import io.roam.policy.owner.OwnerPolicy;
import io.roam.policy.placement.PlacementPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * One run of the discrete-event simulator: one policy set at one load. It drives the roam-policy
 * objects through the same calls a node daemon makes, on snapshots built from its queues.
 *
 * <p>Model. Nodes are processor-sharing servers of given speeds (weighted: a process of weight w
 * gets w/W of the CPU; the owner policy sets the weights). Each node's virtual time advances at
 * speed/W; a process finishes when it reaches its finish tag, so the next completion of a node is
 * found without touching the other processes. Processes arrive at nodes in proportion to speed
 * (Poisson or bursty), each with a lifetime (CPU demand at speed 1) and a state size. At arrival the
 * placement policy may send the process elsewhere (after probe and transfer delays, during which the
 * destination counts it as incoming). On start, exit and migration-in events and on periodic ticks
 * the scheduler (if any) may migrate a running process: it is frozen for the migration cost and then
 * continues at the destination with its remaining demand. Load information is either fresh, a
 * bulletin board refreshed periodically, or each node's bounded {@link LoadTable} fed by a {@link
 * DisseminationPolicy} (gossip to k peers, or broadcast) every period, in which case a decision reads
 * the candidates' table entries and probes (fresh) only the ones its table lacks. Owners alternate between active and idle periods; when one
 * becomes active the owner policy may evict foreign processes, and a destination whose owner policy
 * refuses foreign processes refuses a placement (the process stays home). The scheduler is evaluated
 * on {@code START}, {@code EXIT}, {@code MIGRATION_IN} and periodic {@code TICK}s, not on {@code
 * MIGRATION_OUT} (a sender re-evaluates at its next event instead of cascading at one instant).
 *
 * <p>Measurement: processes number {@code warmup × processes} up to {@code processes} (in arrival
 * order) are measured; arrivals continue until all of them have completed, so that the measured ones
 * see a system in steady state. Runs are deterministic functions of the seed. Call {@link #run} once.
 */
final class Simulation {
  private static final int ARRIVAL = 0;
  private static final int COMPLETION = 1;
  private static final int TRANSFER_DONE = 2;
  private static final int TICK = 3;
  private static final int BOARD = 4;
  private static final int OWNER = 5;
  private static final int BURST = 6;
  private static final int GOSSIP = 7;

  private final SimConfig cfg;
  private final PolicySet policy;
  private final Scheduler scheduler;
  private final PlacementPolicy placement;
  private final OwnerPolicy owner;
  private final double load;
  private final int n;
  private final double[] speed;
  private final double[] cumulativeSpeed;
  private final double[] cumulativeArrivals;
  private final Traffic traffic;
  private final int jobSize;
  private final Lifetimes lifetimes;

  private final SplittableRandom arrivalRng;
  private final SplittableRandom workRng;
  private final SplittableRandom policyRng;
  private final SplittableRandom ownerRng;

  private final double[] vtime;
  private final double[] lastUpdate;
  private final double[] weightSum;
  private final int[] version;
  private final int[][] jobs;
  private final int[] jobCount;
  private final int[] incoming;
  private final Role[] roles;
  private final boolean[] ownerActive;
  private final double[] ownerLastActive;
  private final double[][] migrationTimes;
  private final int[] migrationHead;
  private final double[] board;
  private double boardTime;
  private final LoadTable[] tables;
  private final LoadSmoother[] smoothers;
  private final CollectionPolicy collection;
  private final DisseminationPolicy dissemination;

  private final JobTable t = new JobTable();
  private final EventQueue q = new EventQueue();
  private final Metrics metrics;
  private final long measureFrom;
  private final long measureTo;
  private final double baseRate;
  private final boolean weighted;
  private final boolean periodicInfo;
  /** Constant-age information ({@code info = delayed}), or null. */
  private final LoadHistory history;
  private final double migrationFixed;
  private final double secondsPerByte;
  private final double transferDelay;
  private final double probeDelay;
  private final double stateMean;
  private final double eligibleMin;
  private final double eligibleRecall;
  private double rate;
  private int arrivalVersion;
  private boolean inBurst;
  private double now;
  private long nextPid;
  private long pending;
  private long events;
  private long transfers;
  private long migrations;
  private long probes;
  private long gossipMessages;

  Simulation(SimConfig cfg, PolicySet policy, double load) {
    this.cfg = cfg;
    this.policy = policy;
    this.scheduler = policy.scheduler();
    this.placement = policy.placement();
    this.owner = policy.owner();
    this.load = load;
    this.n = cfg.nodes();
    this.speed = speeds(cfg.speeds(), n);
    this.cumulativeSpeed = cumulative(speed);
    this.cumulativeArrivals = arrivalWeights(cfg.text("arrivals.weights"), speed);
    this.traffic = Traffic.of(cfg, this::cpuOf);
    this.jobSize = traffic == null ? 1 : traffic.groupSize();
    this.lifetimes = cfg.lifetimes();
    SplittableRandom root = new SplittableRandom(cfg.seed() * 1_000_003L + Double.hashCode(load));
    this.arrivalRng = root.split();
    this.workRng = root.split();
    this.policyRng = root.split();
    this.ownerRng = root.split();
    this.vtime = new double[n];
    this.lastUpdate = new double[n];
    this.weightSum = new double[n];
    this.version = new int[n];
    this.jobs = new int[n][4];
    this.jobCount = new int[n];
    this.incoming = new int[n];
    this.roles = new Role[n];
    Arrays.fill(roles, Role.NEUTRAL);
    this.ownerActive = new boolean[n];
    this.ownerLastActive = new double[n];
    Arrays.fill(ownerLastActive, Double.NEGATIVE_INFINITY);
    this.migrationTimes = new double[n][];
    this.migrationHead = new int[n];
    this.board = new double[n];
    this.dissemination = dissemination(cfg);
    this.tables = dissemination == null ? null : tables(n, cfg.number("info.table-size"));
    double tau = cfg.number("info.smoothing");
    this.smoothers = tables == null || tau <= 0 ? null : smoothers(n, tau);
    this.collection = smoothers == null ? null : CollectionPolicy.periodicAndEvents(dissemination.period());
    long total = cfg.processes();
    this.measureFrom = (long) (cfg.number("warmup") * total);
    this.measureTo = total;
    this.pending = measureTo - measureFrom;
    this.metrics = new Metrics(pending);
    this.baseRate = load * cumulativeSpeed[n - 1] / lifetimes.mean() / jobSize;
    this.weighted = cfg.number("owner.active-fraction") > 0;
    this.periodicInfo = cfg.text("info").equals("periodic");
    this.history = cfg.text("info").equals("delayed") ? new LoadHistory(n, cfg.number("info.delay")) : null;
    this.migrationFixed = cfg.migrationCost().fixedSeconds();
    this.secondsPerByte = cfg.migrationCost().secondsPerByte();
    this.transferDelay = cfg.number("transfer.delay");
    this.probeDelay = cfg.number("probe.delay");
    this.stateMean = cfg.bytes("state.mean");
    this.eligibleMin = cfg.number("placement.eligible-min-lifetime");
    this.eligibleRecall = cfg.number("placement.eligible-recall");
  }

  private static DisseminationPolicy dissemination(SimConfig cfg) {
    switch (cfg.text("info")) {
      case "gossip": return DisseminationPolicy.gossip(cfg.number("info.period"), (int) cfg.number("info.fanout"));
      case "broadcast": return DisseminationPolicy.broadcast(cfg.number("info.period"));
      default: return null;
    }
  }

  private static LoadTable[] tables(int n, double capacity) {
    LoadTable[] t = new LoadTable[n];
    for (int i = 0; i < n; i++) {
      t[i] = new LoadTable((int) capacity);
    }
    return t;
  }

  private static LoadSmoother[] smoothers(int n, double tau) {
    LoadSmoother[] s = new LoadSmoother[n];
    Arrays.fill(s, LoadSmoother.withTimeConstant(tau));
    return s;
  }

  /**
   * Cumulative arrival weights (speed × the cycled {@code arrivals.weights}), or null when they are
   * uniform per unit of speed (then arrivals follow speed, drawn exactly as before the knob existed).
   */
  private static double[] arrivalWeights(String list, double[] speed) {
    double[] w = Arrays.stream(list.split(",")).map(String::trim).filter(x -> !x.isEmpty())
        .mapToDouble(Double::parseDouble).toArray();
    if (w.length == 0 || Arrays.stream(w).allMatch(x -> x == w[0])) {
      return null;
    }
    double[] weighted = new double[speed.length];
    for (int i = 0; i < speed.length; i++) {
      weighted[i] = speed[i] * w[i % w.length];
    }
    return cumulative(weighted);
  }

  private static double[] speeds(double[] pattern, int n) {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = pattern[i % pattern.length];
    }
    return s;
  }

  private static double[] cumulative(double[] s) {
    double[] c = new double[s.length];
    double sum = 0;
    for (int i = 0; i < s.length; i++) {
      sum += s[i];
      c[i] = sum;
    }
    return c;
  }

  /** Runs to completion and returns the measurements. */
  RunResult run() {
    long start = System.nanoTime();
    schedule();
    while (pending > 0 && !q.isEmpty()) {
      now = q.peekTime();
      long p = q.peekPayload();
      q.pop();
      events++;
      dispatch(p);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    return new RunResult(policy.name(), policy.label(), load, metrics.meanResponse(), metrics.responseHalfWidth(),
        metrics.meanSlowdown(), metrics.meanDelay(), nextPid, metrics.count(), transfers, migrations, probes, gossipMessages, events, now, wall,
        traffic == null ? Traffic.Totals.NONE : traffic.totals());
  }

  private void schedule() {
    if (cfg.text("initial").equals("steady")) {
      preload();
    }
    rate = baseRate;
    if (cfg.text("arrivals").equals("bursty")) {
      rate = baseRate / (1 - cfg.number("arrivals.burst-fraction")
          + cfg.number("arrivals.burst-fraction") * cfg.number("arrivals.burst-factor"));
      q.push(exp(arrivalRng, burstMean(false)), EventQueue.payload(BURST, 0, 0));
    }
    q.push(exp(arrivalRng, 1 / rate), EventQueue.payload(ARRIVAL, 0, arrivalVersion));
    if (periodicInfo) {
      q.push(0, EventQueue.payload(BOARD, 0, 0));
    }
    if (dissemination != null) {
      for (int i = 0; i < n; i++) {
        q.push(policyRng.nextDouble() * dissemination.period(), EventQueue.payload(GOSSIP, i, 0));
      }
    }
    if (scheduler != null && Double.isFinite(scheduler.activation().period())) {
      for (int i = 0; i < n; i++) {
        q.push(policyRng.nextDouble() * scheduler.activation().period(), EventQueue.payload(TICK, i, 0));
      }
    }
    if (weighted) {
      for (int i = 0; i < n; i++) {
        q.push(exp(ownerRng, ownerMean(false)), EventQueue.payload(OWNER, i, 0));
      }
    }
  }

  /**
   * Starts each node with a geometric number of processes (the M/M/1 steady state at this load); they
   * get negative pids, so they are never measured.
   */
  private void preload() {
    long initialPid = -1;
    for (int i = 0; i < n; i++) {
      while (workRng.nextDouble() < load) {
        start(newProcess(i, initialPid--), i);
      }
    }
  }

  private void dispatch(long p) {
    switch (EventQueue.type(p)) {
      case ARRIVAL: onArrival(EventQueue.b(p)); break;
      case COMPLETION: onCompletion(EventQueue.a(p), EventQueue.b(p)); break;
      case TRANSFER_DONE: onTransferDone(EventQueue.a(p), EventQueue.b(p)); break;
      case TICK: onTick(EventQueue.a(p)); break;
      case BOARD: onBoard(); break;
      case OWNER: onOwner(EventQueue.a(p)); break;
      case BURST: onBurst(); break;
      case GOSSIP: onGossip(EventQueue.a(p)); break;
      default: throw new IllegalStateException("unknown event type " + EventQueue.type(p));
    }
  }

  // ---- arrivals and placement (remote execution) ----

  private void onArrival(int v) {
    if (v != arrivalVersion) {
      return;
    }
    q.push(now + exp(arrivalRng, 1 / rate), EventQueue.payload(ARRIVAL, 0, arrivalVersion));
    int home = homeNode();
    if (traffic == null) {
      arrive(newProcess(home, nextPid++), home);
      return;
    }
    int group = traffic.newGroup();
    int data = traffic.randomDataHome() ? workRng.nextInt(n) : home;
    int[] slots = new int[jobSize];
    for (int i = 0; i < jobSize; i++) {
      slots[i] = newProcess(home, nextPid++);
      traffic.join(slots[i], group, data);
    }
    for (int slot : slots) {
      arrive(slot, home);
    }
  }

  /** Places and starts a process that has just arrived at {@code home}. */
  private void arrive(int slot, int home) {
    if (!eligibleForPlacement(slot)) {
      start(slot, home);
      return;
    }
    NodeLoad local = localLoad(home);
    ProcessInfo info = info(slot, home);
    int[] candidates = placement.candidates(local, info, n, policyRng);
    if (candidates.length == 0) {
      start(slot, home);
      return;
    }
    Placement decision = placement.place(local, info, describe(home, candidates, placement.needsLoad()),
        policyRng);
    countProbes(decision.probesUsed());
    dispatchPlacement(slot, home, decision);
  }

  private void dispatchPlacement(int slot, int home, Placement proposed) {
    Placement decision = proposed;
    if (weighted && !proposed.isLocal(home) && !owner.acceptsForeign(localLoad(proposed.node()), now)) {
      decision = new Placement(home, proposed.probesUsed());
    }
    double delay = decision.probesUsed() * probeDelay;
    if (!decision.isLocal(home)) {
      transfers++;
      delay += transferDelay;
    }
    if (delay <= 0) {
      start(slot, decision.node());
      return;
    }
    t.remaining[slot] = t.work[slot];
    if (traffic != null) {
      traffic.moveTo(slot, decision.node());
    }
    incoming[decision.node()]++;
    noteLoad(decision.node());
    q.push(now + delay, EventQueue.payload(TRANSFER_DONE, slot, decision.node()));
  }

  private boolean eligibleForPlacement(int slot) {
    if (eligibleMin <= 0) {
      return true;
    }
    return t.work[slot] >= eligibleMin && (eligibleRecall >= 1 || workRng.nextDouble() < eligibleRecall);
  }

  private int homeNode() {
    double[] c = cumulativeArrivals != null ? cumulativeArrivals : cumulativeSpeed;
    if (cumulativeArrivals == null && cumulativeSpeed[n - 1] == n) {
      return arrivalRng.nextInt(n);
    }
    double u = arrivalRng.nextDouble() * c[n - 1];
    int i = Arrays.binarySearch(c, u);
    return Math.min(n - 1, i >= 0 ? i + 1 : -i - 1);
  }

  private int newProcess(int home, long pid) {
    int slot = t.allocate();
    t.pid[slot] = pid;
    t.home[slot] = home;
    t.node[slot] = -1;
    t.arrival[slot] = now;
    t.work[slot] = lifetimes.sample(workRng);
    t.stateBytes[slot] = stateMean <= 0 ? 0 : (long) exp(workRng, stateMean);
    t.remaining[slot] = t.work[slot];
    return slot;
  }

  private void start(int slot, int node) {
    if (traffic != null) {
      traffic.moveTo(slot, node);
    }
    t.residenceStart[slot] = now;
    addJob(slot, node, t.work[slot]);
    activate(node, LoadEvent.START);
  }

  private void onTransferDone(int slot, int node) {
    incoming[node]--;
    noteLoad(node);
    t.residenceStart[slot] = now;
    boolean migrated = t.remaining[slot] < t.work[slot];
    addJob(slot, node, t.remaining[slot]);
    activate(node, migrated ? LoadEvent.MIGRATION_IN : LoadEvent.START);
  }

  // ---- processor sharing ----

  private void advance(int node) {
    if (weightSum[node] > 0) {
      vtime[node] += (now - lastUpdate[node]) * speed[node] / weightSum[node];
    }
    lastUpdate[node] = now;
  }

  private void addJob(int slot, int node, double remaining) {
    advance(node);
    double w = weighted ? owner.weight(info(slot, node), localLoad(node), now) : 1.0;
    t.node[slot] = node;
    t.weight[slot] = w;
    t.tag[slot] = vtime[node] + remaining / w;
    weightSum[node] += w;
    if (jobCount[node] == jobs[node].length) {
      jobs[node] = Arrays.copyOf(jobs[node], jobCount[node] * 2);
    }
    t.posInNode[slot] = jobCount[node];
    jobs[node][jobCount[node]++] = slot;
    noteLoad(node);
    reschedule(node);
  }

  /** Takes {@code slot} off its node and returns its remaining demand. */
  private double removeJob(int slot) {
    int node = t.node[slot];
    advance(node);
    double remaining = Math.max(0, (t.tag[slot] - vtime[node]) * t.weight[slot]);
    int pos = t.posInNode[slot];
    int last = jobs[node][--jobCount[node]];
    noteLoad(node);
    jobs[node][pos] = last;
    t.posInNode[last] = pos;
    weightSum[node] -= t.weight[slot];
    if (jobCount[node] == 0) {
      weightSum[node] = 0;
      vtime[node] = 0;
    }
    t.node[slot] = -1;
    reschedule(node);
    return remaining;
  }

  private void reschedule(int node) {
    version[node]++;
    int first = firstToFinish(node);
    if (first < 0) {
      return;
    }
    double dt = (t.tag[first] - vtime[node]) * weightSum[node] / speed[node];
    q.push(now + Math.max(0, dt), EventQueue.payload(COMPLETION, node, version[node]));
  }

  private int firstToFinish(int node) {
    int best = -1;
    double bestTag = Double.POSITIVE_INFINITY;
    int[] js = jobs[node];
    for (int i = 0, c = jobCount[node]; i < c; i++) {
      int s = js[i];
      if (t.tag[s] < bestTag) {
        bestTag = t.tag[s];
        best = s;
      }
    }
    return best;
  }

  private void onCompletion(int node, int v) {
    if (v != version[node]) {
      return;
    }
    int slot = firstToFinish(node);
    double stall = traffic == null ? 0 : traffic.leave(slot);
    removeJob(slot);
    long pid = t.pid[slot];
    if (pid >= measureFrom && pid < measureTo) {
      metrics.record(now - t.arrival[slot] + stall, t.work[slot]);
      pending--;
    }
    t.release(slot);
    activate(node, LoadEvent.EXIT);
  }

  // ---- snapshots handed to the policies ----

  private NodeLoad localLoad(int node) {
    int rq = jobCount[node] + incoming[node];
    return new NodeLoad(node, now, rq, jobCount[node] > 0 ? 1 : 0, rq, 0, 0, speed[node],
        ownerActive[node] ? now : ownerLastActive[node]);
  }

  /** Counts the probes a decision used, except with load tables, where only table misses probe. */
  private void countProbes(int count) {
    if (tables == null) {
      probes += count;
    }
  }

  /** What {@code decider} knows of {@code node}: its gossip table entry, the board, or a fresh probe. */
  private NodeLoad describe(int decider, int node) {
    if (tables != null) {
      NodeLoad known = tables[decider].get(node);
      if (known != null) {
        return known;
      }
      probes++;
      return localLoad(node);
    }
    if (history != null) {
      int rq = history.at(node, now);
      return new NodeLoad(node, now - history.age(), rq, rq > 0 ? 1 : 0, rq, 0, 0, speed[node],
          ownerActive[node] ? now : ownerLastActive[node]);
    }
    if (!periodicInfo) {
      return localLoad(node);
    }
    double rq = board[node];
    return new NodeLoad(node, boardTime, rq, rq > 0 ? 1 : 0, (int) rq, 0, 0, speed[node],
        ownerActive[node] ? now : ownerLastActive[node]);
  }

  private List<NodeLoad> describe(int decider, int[] nodes, boolean probe) {
    List<NodeLoad> out = new ArrayList<>(nodes.length);
    for (int c : nodes) {
      out.add(probe ? describe(decider, c) : NodeLoad.ofRunQueue(c, now, 0));
    }
    return out;
  }

  private ProcessInfo info(int slot, int node) {
    double remaining = t.node[slot] >= 0 ? Math.max(0, (t.tag[slot] - vtime[node]) * t.weight[slot]) : t.work[slot];
    double cpu = Math.max(0, t.work[slot] - remaining);
    if (traffic == null) {
      return ProcessInfo.simple(t.pid[slot], t.home[slot], node, now - t.arrival[slot], cpu, t.stateBytes[slot],
          t.residenceStart[slot]);
    }
    traffic.settleGroupOf(slot);
    return new ProcessInfo(t.pid[slot], t.home[slot], node, now - t.arrival[slot], cpu, t.stateBytes[slot],
        t.residenceStart[slot], traffic.bytesToPeers(slot), traffic.fileBytesPerNode(slot),
        traffic.messagesToPeers(slot));
  }

  /** CPU seconds process {@code slot} has received so far (on a node, in transit, or not yet started). */
  private double cpuOf(int slot) {
    int node = t.node[slot];
    if (node < 0) {
      return Math.max(0, t.work[slot] - t.remaining[slot]);
    }
    advance(node);
    return Math.max(0, t.work[slot] - Math.max(0, (t.tag[slot] - vtime[node]) * t.weight[slot]));
  }

  private List<ProcessInfo> processes(int node) {
    advance(node);
    List<ProcessInfo> out = new ArrayList<>(jobCount[node]);
    for (int i = 0; i < jobCount[node]; i++) {
      out.add(info(jobs[node][i], node));
    }
    return out;
  }

  /** Records node {@code node}'s load for constant-age information (after every change to it). */
  private void noteLoad(int node) {
    if (history != null) {
      history.record(node, now, jobCount[node] + incoming[node]);
    }
  }

  private void onBoard() {
    for (int i = 0; i < n; i++) {
      board[i] = jobCount[i] + incoming[i];
    }
    boardTime = now;
    q.push(now + cfg.number("info.period"), EventQueue.payload(BOARD, 0, 0));
  }

  /** Node {@code node} pushes its load to the dissemination policy's targets (delivered at once). */
  private void onGossip(int node) {
    NodeLoad self = published(node, LoadEvent.TICK);
    int[] targets = dissemination.pushTargets(node, n, policyRng);
    for (int target : targets) {
      tables[target].merge(self);
    }
    gossipMessages += targets.length;
    q.push(now + dissemination.period(), EventQueue.payload(GOSSIP, node, 0));
  }

  // ---- preemptive migration ----

  private void onTick(int node) {
    activate(node, LoadEvent.TICK);
    q.push(now + scheduler.activation().period(), EventQueue.payload(TICK, node, 0));
  }

  /**
   * The load node {@code node} publishes: raw, or smoothed by its {@link LoadSmoother}, fed whenever
   * the collection policy says so (every dissemination period and on start, exit and migration).
   */
  private NodeLoad published(int node, LoadEvent event) {
    if (smoothers == null) {
      return localLoad(node);
    }
    LoadSmoother s = smoothers[node];
    if (s.last() == null || collection.collectOn(event, now, s.last().time())) {
      smoothers[node] = s.next(localLoad(node));
    }
    return smoothers[node].current();
  }

  private void activate(int node, LoadEvent event) {
    if (smoothers != null) {
      published(node, event);
    }
    if (scheduler == null || (event != LoadEvent.TICK && !scheduler.activation().evaluatesOn(event))) {
      return;
    }
    NodeLoad self = localLoad(node);
    Role role = scheduler.role(self, roles[node]);
    roles[node] = role;
    if (role == Role.NEUTRAL) {
      return;
    }
    List<ProcessInfo> local = role == Role.SENDER ? processes(node) : List.of();
    int[] candidates = scheduler.candidates(role, self, local, n, policyRng);
    countProbes(candidates.length);
    List<NodeLoad> described = describe(node, candidates, true);
    if (role == Role.SENDER) {
      scheduler.send(self, local, described, recentMigrations(node), now, policyRng)
          .ifPresent(this::migrate);
    } else {
      OptionalInt partner = scheduler.partner(self, described, now, policyRng);
      if (partner.isPresent()) {
        int k = partner.getAsInt();
        scheduler.answer(localLoad(k), self, processes(k), recentMigrations(k), now).ifPresent(this::migrate);
      }
    }
  }

  private void migrate(Migration m) {
    int slot = slotOf(m.pid(), m.from());
    if (traffic != null) {
      traffic.moveTo(slot, m.to());
    }
    double remaining = removeJob(slot);
    t.remaining[slot] = remaining;
    migrations++;
    noteMigration(m.from());
    incoming[m.to()]++;
    noteLoad(m.to());
    double cost = migrationFixed + t.stateBytes[slot] * secondsPerByte;
    q.push(now + cost, EventQueue.payload(TRANSFER_DONE, slot, m.to()));
  }

  private int slotOf(long pid, int node) {
    for (int i = 0; i < jobCount[node]; i++) {
      int s = jobs[node][i];
      if (t.pid[s] == pid) {
        return s;
      }
    }
    throw new IllegalStateException("policy chose process " + pid + ", which is not on node " + node);
  }

  private int recentMigrations(int node) {
    double window = scheduler.guard().window();
    double[] ring = migrationTimes[node];
    if (window <= 0 || ring == null) {
      return 0;
    }
    int c = 0;
    for (double time : ring) {
      if (now - time < window) {
        c++;
      }
    }
    return c;
  }

  private void noteMigration(int node) {
    if (scheduler == null || scheduler.guard().window() <= 0) {
      return;
    }
    if (migrationTimes[node] == null) {
      migrationTimes[node] = new double[64];
      Arrays.fill(migrationTimes[node], Double.NEGATIVE_INFINITY);
    }
    migrationTimes[node][migrationHead[node]] = now;
    migrationHead[node] = (migrationHead[node] + 1) % 64;
  }

  // ---- owners and bursts ----

  private void onOwner(int node) {
    boolean active = !ownerActive[node];
    ownerActive[node] = active;
    if (!active) {
      ownerLastActive[node] = now;
    }
    reweight(node);
    if (active) {
      evict(node);
    }
    q.push(now + exp(ownerRng, ownerMean(active)), EventQueue.payload(OWNER, node, 0));
  }

  private void evict(int node) {
    List<Migration> out = scheduler != null ? scheduler.evictions(localLoad(node), processes(node), now)
        : owner.evictions(localLoad(node), processes(node), now);
    for (Migration m : out) {
      migrate(m);
    }
  }

  private void reweight(int node) {
    advance(node);
    NodeLoad self = localLoad(node);
    double sum = 0;
    for (int i = 0; i < jobCount[node]; i++) {
      int s = jobs[node][i];
      double w = owner.weight(info(s, node), self, now);
      double remaining = (t.tag[s] - vtime[node]) * t.weight[s];
      t.weight[s] = w;
      t.tag[s] = vtime[node] + remaining / w;
      sum += w;
    }
    weightSum[node] = sum;
    reschedule(node);
  }

  private double ownerMean(boolean active) {
    double meanActive = cfg.number("owner.mean-active");
    double f = cfg.number("owner.active-fraction");
    return active ? meanActive : meanActive * (1 - f) / f;
  }

  private void onBurst() {
    inBurst = !inBurst;
    rate = inBurst ? rate * cfg.number("arrivals.burst-factor") : rate / cfg.number("arrivals.burst-factor");
    arrivalVersion++;
    q.push(now + exp(arrivalRng, 1 / rate), EventQueue.payload(ARRIVAL, 0, arrivalVersion));
    q.push(now + exp(arrivalRng, burstMean(inBurst)), EventQueue.payload(BURST, 0, 0));
  }

  private double burstMean(boolean burst) {
    double len = cfg.number("arrivals.burst-length");
    double f = cfg.number("arrivals.burst-fraction");
    return burst ? len : len * (1 - f) / f;
  }

  private static double exp(SplittableRandom rng, double mean) {
    return -mean * Math.log(1.0 - rng.nextDouble());
  }
}
