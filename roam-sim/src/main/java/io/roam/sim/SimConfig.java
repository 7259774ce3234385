package io.roam.sim;

import io.roam.policy.MigrationCost;
import io.roam.policy.spi.PolicyConfig;
import io.roam.policy.spi.PolicyConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every parameter of a simulation experiment, parsed from {@code key = value} pairs (see {@link
 * ConfigFile}); the knobs, their defaults and meanings are listed once, in {@link #KNOBS}, which
 * {@code roam sim --help} prints. Immutable.
 *
 * @param values the raw values, defaults filled in
 * @param policies the policy sets to compare, in order
 */
record SimConfig(Map<String, String> values, List<PolicySet> policies) {

  /** Knob → {default, meaning}. Policy keys ({@code policy.NAME.*}) are described in {@link #POLICY_HELP}. */
  static final Map<String, String[]> KNOBS = knobs();

  /** The help text for the policy keys. */
  static final String POLICY_HELP = String.join("\n",
      "policy.NAME.label              label in tables and plots (default NAME)",
      "policy.NAME.placement          remote execution at start: local, random, threshold, shortest, power-of-d,",
      "                               least-loaded, affinity, or a class name; parameters under",
      "                               policy.NAME.placement.* (threshold, probe-limit, d, probes, margin, index)",
      "policy.NAME.activation         preemptive migration: never (default), threshold, or a class name;",
      "                               policy.NAME.activation.* = initiation (sender|receiver|symmetric),",
      "                               sender-on, sender-off, receiver-on, receiver-off, period, events",
      "policy.NAME.index              load index of activation: run-queue, run-queue-per-speed, cpu, processes,",
      "                               memory, combined",
      "policy.NAME.location           where a sender sends: least-loaded (probes, margin), power-of-d (d), random,",
      "                               affinity (candidates, max-load, message-weight, file-weight: toward the",
      "                               nodes a process exchanges most bytes with), or a class name",
      "policy.NAME.receiver-location  whom a receiver asks: most-loaded (probes, min-load, margin)",
      "policy.NAME.selection          which process: age (cost.fixed, cost.bandwidth; default: migration.cost),",
      "                               state-size (min-age, max-bytes), affinity (messages), locality (file",
      "                               bytes), affinity-locality (message-weight, file-weight); min-share (0.5):",
      "                               the destination's share of the process's traffic",
      "policy.NAME.guard              comma list of none, residence (min-residence), budget (max, window),",
      "                               cost-benefit (factor; cost.*, default: migration.cost); parameters under",
      "                               policy.NAME.guard.*",
      "policy.NAME.owner              none, idle-owner (idle-after, foreign-weight, evict)");

  private static Map<String, String[]> knobs() {
    Map<String, String[]> k = new LinkedHashMap<>();
    k.put("title", new String[] {"Roam simulation", "title of the table and plots"});
    k.put("seed", new String[] {"1", "root seed: a run is a function of the seed and the other knobs"});
    k.put("nodes", new String[] {"20", "number of nodes"});
    k.put("node.speeds", new String[] {"1", "relative CPU speeds, a comma list cycled over the nodes (e.g. 1,1,2)"});
    k.put("loads", new String[] {"0.5,0.7,0.8,0.9", "offered loads per node (utilisation with no sharing), comma list"});
    k.put("processes", new String[] {"200000", "processes arriving per run (each load × policy)"});
    k.put("warmup", new String[] {"0.1", "fraction of the first processes not measured"});
    k.put("initial", new String[] {"empty", "initial state: empty, or steady (each node starts with a geometric"
        + " number of processes, the M/M/1 steady state at the load; shortens the warm-up)"});
    k.put("arrivals", new String[] {"poisson", "poisson, or bursty (a two-state Markov-modulated Poisson process)"});
    k.put("arrivals.burst-factor", new String[] {"5", "bursty: arrival rate in a burst ÷ rate outside"});
    k.put("arrivals.burst-fraction", new String[] {"0.1", "bursty: fraction of time in bursts"});
    k.put("arrivals.burst-length", new String[] {"10", "bursty: mean burst length (s)"});
    k.put("lifetime", new String[] {"exponential", "exponential, or unix (Harchol-Balter & Downey's heavy tail)"});
    k.put("lifetime.mean", new String[] {"1", "exponential: mean lifetime (s)"});
    k.put("lifetime.short-fraction", new String[] {"0.6", "unix: fraction of processes shorter than 1 s"});
    k.put("lifetime.max", new String[] {"1000", "unix: longest lifetime (s), bounds the 1/t tail"});
    k.put("state.mean", new String[] {"0", "mean state size in bytes (exponential; suffixes k, M, G)"});
    k.put("migration.cost", new String[] {"custom", "migration cost profile: custom (migration.fixed +"
        + " size / migration.bandwidth), harchol-balter-downey-1996 (0.3 s + size / 2 MiB/s),"
        + " roam-measured-2026-11 (Roam's measured round trip, 4 ms + size / 0.89 GB/s, plus network.latency +"
        + " size / network.bandwidth for the transfer), roam-streamed-2026-11 (a migration streamed to its"
        + " destination: 1.3 ms + network.latency + size / min(1.9 GB/s, network.bandwidth)); the age criterion and"
        + " cost-benefit guard estimate with it"});
    k.put("migration.fixed", new String[] {"0.3", "custom: freeze time of a preemptive migration, fixed part (s)"});
    k.put("migration.bandwidth", new String[] {"10M", "custom: bytes per second moved by a migration (0: no size"
        + " cost)"});
    k.put("transfer.delay", new String[] {"0", "delay of a remote execution, placement on another node (s)"});
    k.put("probe.delay", new String[] {"0", "delay per load probe used by a placement (s)"});
    k.put("info", new String[] {"fresh", "load information: fresh (probes see the present), periodic (a bulletin"
        + " board refreshed every info.period s: Mitzenmacher's stale information), delayed (every node as it was exactly"
        + " info.delay s ago: information of constant age), gossip (each node pushes its"
        + " load to info.fanout random peers every info.period s), broadcast (to all; small clusters)"});
    k.put("info.period", new String[] {"1", "periodic: seconds between board updates; gossip, broadcast: between"
        + " each node's pushes"});
    k.put("info.delay", new String[] {"1", "delayed: age of the load information every decision sees (s)"});
    k.put("info.fanout", new String[] {"3", "gossip: peers each node pushes its load to per period"});
    k.put("info.smoothing", new String[] {"0", "gossip, broadcast: time constant (s) of the exponential"
        + " smoothing of published loads, measured every period and on start, exit, migration (0: raw)"});
    k.put("info.table-size", new String[] {"32", "gossip, broadcast: nodes a node's load table remembers; a"
        + " decision probes the candidates its table lacks"});
    k.put("arrivals.weights", new String[] {"1", "relative arrival rate per node, a comma list cycled over the"
        + " nodes and multiplied by the node's speed (e.g. 3,1: every other node gets three times the arrivals);"
        + " the total stays load × capacity"});
    k.put("traffic.group-size", new String[] {"1", "processes per job; members of a job exchange messages"
        + " (1: no messages). Jobs arrive at load × capacity / (group size × mean lifetime) per second"});
    k.put("traffic.message-rate", new String[] {"0", "messages each process sends per CPU second, spread evenly"
        + " over its job's other live members"});
    k.put("traffic.message-size", new String[] {"4k", "bytes per message"});
    k.put("traffic.file-rate", new String[] {"0", "file operations per CPU second against the job's data (0: none)"});
    k.put("traffic.file-size", new String[] {"64k", "bytes per file operation"});
    k.put("traffic.data-home", new String[] {"arrival", "node holding a job's files: arrival (where the job"
        + " arrived) or random"});
    k.put("network.latency", new String[] {"0.0001", "seconds a message or file operation between two nodes"
        + " costs its process, plus bytes / network.bandwidth (also the link of roam-measured-2026-11)"});
    k.put("network.local-latency", new String[] {"0.000005", "seconds a message or file operation within a node"
        + " costs"});
    k.put("network.bandwidth", new String[] {"125000000", "bytes per second of the link between two nodes"
        + " (125000000: 1 Gbit/s; 0: no size cost)"});
    k.put("owner.active-fraction", new String[] {"0", "fraction of time each workstation's owner is active"});
    k.put("owner.mean-active", new String[] {"60", "mean length of an owner's active period (s)"});
    k.put("placement.eligible-min-lifetime", new String[] {"0", "only processes living at least this long (s)"
        + " consult the placement policy: a name list of long-running commands (H-B & D)"});
    k.put("placement.eligible-recall", new String[] {"1", "fraction of those long processes the name list knows"});
    k.put("policies", new String[] {"none", "comma list of policy sets to compare (see policy.NAME.*)"});
    k.put("output", new String[] {"target/sim", "directory for results.md, results.csv and the plots (PNG, SVG)"});
    return k;
  }

  /** Validates {@code raw}, fills in defaults and builds the policy sets. */
  static SimConfig from(Map<String, String> raw) {
    Map<String, String> v = new LinkedHashMap<>();
    KNOBS.forEach((key, def) -> v.put(key, def[0]));
    for (Map.Entry<String, String> e : raw.entrySet()) {
      if (!KNOBS.containsKey(e.getKey()) && !e.getKey().startsWith("policy.")) {
        throw new PolicyConfigException("unknown key '" + e.getKey() + "' (see roam sim --help)");
      }
      v.put(e.getKey(), e.getValue());
    }
    // The simulator tests these by equality and used to take any other value as the first one, so
    // a typo ("periodc") silently ran fresh information.
    oneOf(v, "info", "fresh", "periodic", "delayed", "gossip", "broadcast");
    oneOf(v, "arrivals", "poisson", "bursty");
    oneOf(v, "initial", "empty", "steady");
    PolicyConfig all = new PolicyConfig("config", v);
    MigrationCost m = MigrationCostProfile.of(all);
    boolean custom = v.get("migration.cost").trim().equalsIgnoreCase("custom");
    Map<String, String> cost = custom
        ? Map.of("cost.fixed", v.get("migration.fixed"),
            "cost.bandwidth", String.valueOf(all.getBytes("migration.bandwidth", 0)))
        : Map.of("cost.fixed", String.valueOf(m.fixedSeconds()),
            "cost.bandwidth", String.valueOf(m.secondsPerByte() > 0 ? 1 / m.secondsPerByte() : 0));
    List<PolicySet> sets = new ArrayList<>();
    for (String name : list(v.get("policies"))) {
      sets.add(PolicySet.fromConfig(name, all, cost));
    }
    return new SimConfig(Map.copyOf(v), List.copyOf(sets));
  }

  private static void oneOf(Map<String, String> v, String key, String... allowed) {
    String value = v.get(key).trim().toLowerCase(Locale.ROOT);
    if (!List.of(allowed).contains(value)) {
      throw new PolicyConfigException(key + " = '" + v.get(key) + "' (" + String.join(", ", allowed) + ")");
    }
  }

  private static List<String> list(String s) {
    List<String> out = new ArrayList<>();
    for (String p : s.split(",")) {
      if (!p.isBlank()) {
        out.add(p.trim());
      }
    }
    return out;
  }

  private PolicyConfig cfg() {
    return new PolicyConfig("config", values);
  }

  String title() {
    return values.get("title");
  }

  long seed() {
    return Long.parseLong(values.get("seed").trim());
  }

  int nodes() {
    return cfg().getInt("nodes", 20);
  }

  double[] speeds() {
    return list(values.get("node.speeds")).stream().mapToDouble(Double::parseDouble).toArray();
  }

  double[] loads() {
    return list(values.get("loads")).stream().mapToDouble(Double::parseDouble).toArray();
  }

  long processes() {
    return Long.parseLong(values.get("processes").trim().replace("_", ""));
  }

  double number(String key) {
    return cfg().getDouble(key, Double.NaN);
  }

  long bytes(String key) {
    return cfg().getBytes(key, 0);
  }

  String text(String key) {
    return values.get(key).trim().toLowerCase(Locale.ROOT);
  }

  Path output() {
    return Path.of(values.get("output").trim());
  }

  /** The migration cost model of {@code migration.cost} (see {@link MigrationCostProfile}). */
  MigrationCost migrationCost() {
    return MigrationCostProfile.of(cfg());
  }

  Lifetimes lifetimes() {
    switch (text("lifetime")) {
      case "exponential": return Lifetimes.exponential(number("lifetime.mean"));
      case "unix": return Lifetimes.unix(number("lifetime.short-fraction"), number("lifetime.max"));
      default: throw new PolicyConfigException("lifetime = '" + values.get("lifetime") + "' (exponential, unix)");
    }
  }

  /** This configuration with some values replaced (e.g. from command-line overrides). */
  SimConfig with(Map<String, String> overrides) {
    Map<String, String> m = new LinkedHashMap<>(values);
    m.putAll(overrides);
    return from(m);
  }
}
