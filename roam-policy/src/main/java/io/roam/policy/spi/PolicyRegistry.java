package io.roam.policy.spi;

import io.roam.policy.activation.ActivationPolicy;
import io.roam.policy.activation.NeverActivation;
import io.roam.policy.activation.ThresholdActivation;
import io.roam.policy.guard.CostBenefitGuard;
import io.roam.policy.guard.MigrationBudgetGuard;
import io.roam.policy.guard.MigrationGuard;
import io.roam.policy.guard.MinimumResidenceGuard;
import io.roam.policy.location.AffinityLocation;
import io.roam.policy.location.LeastLoadedLocation;
import io.roam.policy.location.LocationPolicy;
import io.roam.policy.location.MostLoadedLocation;
import io.roam.policy.location.PowerOfChoicesLocation;
import io.roam.policy.location.RandomLocation;
import io.roam.policy.owner.IdleOwnerPolicy;
import io.roam.policy.owner.NoOwnerPolicy;
import io.roam.policy.owner.OwnerPolicy;
import io.roam.policy.placement.LocalPlacement;
import io.roam.policy.placement.LocationPlacement;
import io.roam.policy.placement.PlacementPolicy;
import io.roam.policy.placement.RandomPlacement;
import io.roam.policy.placement.ShortestPlacement;
import io.roam.policy.placement.ThresholdPlacement;
import io.roam.policy.selection.AffinitySelection;
import io.roam.policy.selection.AgeSelection;
import io.roam.policy.selection.SelectionPolicy;
import io.roam.policy.selection.StateSizeSelection;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Creates policies by name from configuration: the SPI through which a user plugs in a policy.
 *
 * <p>A name is either a built-in alias of the family ({@link #aliases}) or the fully qualified name
 * of a class that implements the family's interface and has a public constructor taking a {@link
 * PolicyConfig} (preferred) or none. The class is loaded by the thread's context class loader, so a
 * policy jar on the daemon's or simulator's class path is enough. Stateless; safe from any thread.
 */
public final class PolicyRegistry {
  private static final Map<Class<?>, Map<String, Function<PolicyConfig, ?>>> BUILT_IN = Map.of(
      ActivationPolicy.class, Map.of(
          "threshold", ThresholdActivation::fromConfig,
          "never", c -> new NeverActivation()),
      SelectionPolicy.class, Map.of(
          "age", AgeSelection::fromConfig,
          "state-size", StateSizeSelection::fromConfig,
          "affinity", c -> AffinitySelection.communication(c.getDouble("min-share", 0.5)),
          "locality", c -> AffinitySelection.dataLocality(c.getDouble("min-share", 0.5)),
          "affinity-locality", AffinitySelection::fromConfig),
      LocationPolicy.class, Map.of(
          "least-loaded", LeastLoadedLocation::fromConfig,
          "power-of-d", PowerOfChoicesLocation::fromConfig,
          "random", c -> new RandomLocation(),
          "most-loaded", MostLoadedLocation::fromConfig,
          "affinity", AffinityLocation::fromConfig),
      PlacementPolicy.class, Map.of(
          "local", c -> new LocalPlacement(),
          "random", RandomPlacement::fromConfig,
          "threshold", ThresholdPlacement::fromConfig,
          "shortest", ShortestPlacement::fromConfig,
          "power-of-d", c -> new LocationPlacement(PowerOfChoicesLocation.fromConfig(c), 0),
          "least-loaded", c -> new LocationPlacement(LeastLoadedLocation.fromConfig(c), c.getDouble("threshold", 0)),
          "affinity", c -> new LocationPlacement(AffinityLocation.fromConfig(c), 0)),
      MigrationGuard.class, Map.of(
          "none", c -> MigrationGuard.none(),
          "residence", MinimumResidenceGuard::fromConfig,
          "budget", MigrationBudgetGuard::fromConfig,
          "cost-benefit", CostBenefitGuard::fromConfig),
      OwnerPolicy.class, Map.of(
          "none", c -> new NoOwnerPolicy(),
          "idle-owner", IdleOwnerPolicy::fromConfig));

  private PolicyRegistry() {}

  /** The built-in aliases of {@code family}, sorted. */
  public static java.util.Set<String> aliases(Class<?> family) {
    return new java.util.TreeSet<>(BUILT_IN.getOrDefault(family, Map.of()).keySet());
  }

  /** The policy of {@code family} called {@code name}, configured by {@code config}. */
  public static <T> T create(Class<T> family, String name, PolicyConfig config) {
    Function<PolicyConfig, ?> builtIn = BUILT_IN.getOrDefault(family, Map.of()).get(name);
    if (builtIn != null) {
      return family.cast(builtIn.apply(config));
    }
    if (!name.contains(".")) {
      throw new PolicyConfigException(config.where() + " = '" + name + "': not a " + family.getSimpleName()
          + " (built-in: " + String.join(", ", new TreeMap<>(BUILT_IN.getOrDefault(family, Map.of())).keySet())
          + "; or a fully qualified class name)");
    }
    return instantiate(family, load(family, name, config), config);
  }

  private static <T> Class<? extends T> load(Class<T> family, String name, PolicyConfig config) {
    try {
      Class<?> c = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
      if (!family.isAssignableFrom(c)) {
        throw new PolicyConfigException(config.where() + " = '" + name + "': class does not implement "
            + family.getName());
      }
      return c.asSubclass(family);
    } catch (ClassNotFoundException e) {
      throw new PolicyConfigException(config.where() + " = '" + name + "': class not found on the class path", e);
    }
  }

  private static <T> T instantiate(Class<T> family, Class<? extends T> c, PolicyConfig config) {
    try {
      Constructor<? extends T> k = constructor(c);
      return k.getParameterCount() == 1 ? k.newInstance(config) : k.newInstance();
    } catch (NoSuchMethodException e) {
      throw new PolicyConfigException(config.where() + ": " + c.getName()
          + " needs a public constructor (PolicyConfig) or ()", e);
    } catch (InvocationTargetException e) {
      throw new PolicyConfigException(config.where() + ": " + c.getName() + " rejected its configuration: "
          + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new PolicyConfigException(config.where() + ": cannot create " + c.getName() + ": " + e, e);
    }
  }

  private static <T> Constructor<? extends T> constructor(Class<? extends T> c) throws NoSuchMethodException {
    try {
      return c.getConstructor(PolicyConfig.class);
    } catch (NoSuchMethodException e) {
      return c.getConstructor();
    }
  }
}
