package io.roam.sim;

import io.roam.policy.Scheduler;
import io.roam.policy.activation.ActivationPolicy;
import io.roam.policy.guard.AllGuards;
import io.roam.policy.guard.MigrationGuard;
import io.roam.policy.load.LoadIndex;
import io.roam.policy.location.LocationPolicy;
import io.roam.policy.owner.OwnerPolicy;
import io.roam.policy.placement.PlacementPolicy;
import io.roam.policy.selection.SelectionPolicy;
import io.roam.policy.spi.PolicyConfig;
import io.roam.policy.spi.PolicyRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One named combination of policies the simulator compares: a placement policy (remote execution at
 * start), optionally a {@link Scheduler} for preemptive migration (null: none), and the owner policy.
 *
 * @param name the name used in the configuration ({@code policy.NAME.*})
 * @param label a readable label for tables and plots
 * @param placement where new processes start
 * @param scheduler preemptive migration, or null
 * @param owner the owner's rights on every node
 */
record PolicySet(String name, String label, PlacementPolicy placement, Scheduler scheduler, OwnerPolicy owner) {

  /**
   * Builds the set {@code name} from the keys {@code policy.NAME.*} of {@code all}; {@code
   * costDefaults} (cost.fixed, cost.bandwidth) are offered to selection and guard policies that do not
   * set their own, so the age criterion uses the simulated migration cost.
   */
  static PolicySet fromConfig(String name, PolicyConfig all, Map<String, String> costDefaults) {
    PolicyConfig c = all.subset("policy." + name);
    PlacementPolicy placement = create(PlacementPolicy.class, c, "placement", "local", Map.of());
    OwnerPolicy owner = create(OwnerPolicy.class, c, "owner", "none", Map.of());
    String activation = c.getString("activation", "never");
    Scheduler scheduler = activation.equals("never") ? null : new Scheduler(
        create(ActivationPolicy.class, c, "activation", "never", Map.of()),
        LoadIndex.named(c.getString("index", "run-queue")),
        create(LocationPolicy.class, c, "location", "least-loaded", Map.of()),
        create(LocationPolicy.class, c, "receiver-location", "most-loaded", Map.of()),
        create(SelectionPolicy.class, c, "selection", "age", costDefaults),
        guards(c, costDefaults), owner);
    return new PolicySet(name, c.getString("label", name), placement, scheduler, owner);
  }

  private static MigrationGuard guards(PolicyConfig c, Map<String, String> costDefaults) {
    List<MigrationGuard> out = new ArrayList<>();
    for (String g : c.getString("guard", "none").split(",")) {
      if (!g.isBlank()) {
        out.add(PolicyRegistry.create(MigrationGuard.class, g.trim(), withDefaults(c.subset("guard"), costDefaults)));
      }
    }
    return out.size() == 1 ? out.get(0) : new AllGuards(out);
  }

  private static <T> T create(Class<T> family, PolicyConfig c, String key, String fallback,
      Map<String, String> defaults) {
    return PolicyRegistry.create(family, c.getString(key, fallback), withDefaults(c.subset(key), defaults));
  }

  private static PolicyConfig withDefaults(PolicyConfig c, Map<String, String> defaults) {
    Map<String, String> m = new java.util.HashMap<>(defaults);
    m.putAll(c.values());
    return new PolicyConfig(c.where(), m);
  }
}
