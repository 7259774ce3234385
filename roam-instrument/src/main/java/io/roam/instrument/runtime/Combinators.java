package io.roam.instrument.runtime;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

/**
 * Replacements for the combinators of the JDK's functional interfaces ({@code
 * Comparator.comparing}, {@code thenComparing}, {@code Function.andThen}, {@code
 * Predicate.negate}, …). The JDK builds their results as lambdas of its own hidden classes, which
 * no other JVM can name, so a process holding one (a {@code TreeMap} or {@code PriorityQueue}
 * ordered by {@code comparing(Person::name)}, say) could not be captured. The instrumenter
 * redirects process calls of these methods here (see {@code CombinatorRedirector}); the objects
 * made here are ordinary classes whose fields the snapshot codec copies.
 *
 * <p>Every method is named {@code <Interface>_<method>}: static methods of the interface keep
 * their descriptor, default methods take the receiver first. A receiver whose class overrides the
 * default method gets its own override called, as the original call would have. Behaviour
 * (null checks, evaluation order, results) is the JDK's, as its documentation specifies it.
 */
public final class Combinators {
  private Combinators() {}

  /** Function.identity() and UnaryOperator.identity(): one instance each, as in the JDK. */
  public static final Fn FUNCTION_IDENTITY = new Fn(Fn.IDENTITY, null, null);

  public static final Fn UNARY_IDENTITY = new Fn(Fn.IDENTITY, null, null);

  public static final IntOp INT_IDENTITY = new IntOp(null, null);

  public static final LongOp LONG_IDENTITY = new LongOp(null, null);

  public static final DoubleOp DOUBLE_IDENTITY = new DoubleOp(null, null);

  // ---- overrides of default methods by the receiver's class ----

  private static final ClassValue<Map<String, Boolean>> OVERRIDES = new ClassValue<>() {
    @Override
    protected Map<String, Boolean> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  /** True when {@code receiver}'s class overrides default method {@code iface.name(params)}. */
  private static boolean overridden(Object receiver, Class<?> iface, String name, Class<?>... params) {
    Class<?> c = receiver.getClass();
    if (c.getNestHost() == Combinators.class) {
      return false;
    }
    String key = iface.getName() + '.' + name + params.length
        + (params.length > 0 ? params[0].getName() : "") + (params.length > 1 ? params[1].getName() : "");
    return OVERRIDES.get(c).computeIfAbsent(key, k -> {
      for (Class<?> k2 = c; k2 != null && k2 != Object.class; k2 = k2.getSuperclass()) {
        try {
          k2.getDeclaredMethod(name, params);
          return true;
        } catch (NoSuchMethodException e) {
          // look further up
        }
      }
      // A default in a sub-interface of iface (rare) also counts as an override.
      try {
        return c.getMethod(name, params).getDeclaringClass() != iface;
      } catch (NoSuchMethodException e) {
        return false;
      }
    });
  }

  // ---- java.util.Comparator ----

  public static <T, U> Comparator<T> Comparator_comparing(
      Function<? super T, ? extends U> key, Comparator<? super U> keyComparator) {
    Objects.requireNonNull(key);
    Objects.requireNonNull(keyComparator);
    return new Cmp<>(Cmp.KEY, key, keyComparator);
  }

  public static <T, U extends Comparable<? super U>> Comparator<T> Comparator_comparing(
      Function<? super T, ? extends U> key) {
    Objects.requireNonNull(key);
    return new Cmp<>(Cmp.KEY, key, null);
  }

  public static <T> Comparator<T> Comparator_comparingInt(ToIntFunction<? super T> key) {
    Objects.requireNonNull(key);
    return new Cmp<>(Cmp.KEY_INT, key, null);
  }

  public static <T> Comparator<T> Comparator_comparingLong(ToLongFunction<? super T> key) {
    Objects.requireNonNull(key);
    return new Cmp<>(Cmp.KEY_LONG, key, null);
  }

  public static <T> Comparator<T> Comparator_comparingDouble(ToDoubleFunction<? super T> key) {
    Objects.requireNonNull(key);
    return new Cmp<>(Cmp.KEY_DOUBLE, key, null);
  }

  public static <T> Comparator<T> Comparator_thenComparing(Comparator<T> self, Comparator<? super T> other) {
    if (overridden(self, Comparator.class, "thenComparing", Comparator.class)) {
      return self.thenComparing(other);
    }
    Objects.requireNonNull(other);
    return new Cmp<>(Cmp.THEN, self, other);
  }

  public static <T, U> Comparator<T> Comparator_thenComparing(Comparator<T> self,
      Function<? super T, ? extends U> key, Comparator<? super U> keyComparator) {
    if (overridden(self, Comparator.class, "thenComparing", Function.class, Comparator.class)) {
      return self.thenComparing(key, keyComparator);
    }
    return Comparator_thenComparing(self, Comparator_comparing(key, keyComparator));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> Comparator<T> Comparator_thenComparing(Comparator<T> self, Function key) {
    if (overridden(self, Comparator.class, "thenComparing", Function.class)) {
      return self.thenComparing(key);
    }
    return Comparator_thenComparing(self, Comparator_comparing(key));
  }

  public static <T> Comparator<T> Comparator_thenComparingInt(Comparator<T> self, ToIntFunction<? super T> key) {
    if (overridden(self, Comparator.class, "thenComparingInt", ToIntFunction.class)) {
      return self.thenComparingInt(key);
    }
    return Comparator_thenComparing(self, Comparator_comparingInt(key));
  }

  public static <T> Comparator<T> Comparator_thenComparingLong(Comparator<T> self, ToLongFunction<? super T> key) {
    if (overridden(self, Comparator.class, "thenComparingLong", ToLongFunction.class)) {
      return self.thenComparingLong(key);
    }
    return Comparator_thenComparing(self, Comparator_comparingLong(key));
  }

  public static <T> Comparator<T> Comparator_thenComparingDouble(Comparator<T> self, ToDoubleFunction<? super T> key) {
    if (overridden(self, Comparator.class, "thenComparingDouble", ToDoubleFunction.class)) {
      return self.thenComparingDouble(key);
    }
    return Comparator_thenComparing(self, Comparator_comparingDouble(key));
  }

  // ---- java.util.Map.Entry ----

  public static <K extends Comparable<? super K>, V> Comparator<Map.Entry<K, V>> MapEntry_comparingByKey() {
    return new Cmp<>(Cmp.ENTRY_KEY, null, null);
  }

  public static <K, V extends Comparable<? super V>> Comparator<Map.Entry<K, V>> MapEntry_comparingByValue() {
    return new Cmp<>(Cmp.ENTRY_VALUE, null, null);
  }

  public static <K, V> Comparator<Map.Entry<K, V>> MapEntry_comparingByKey(Comparator<? super K> cmp) {
    Objects.requireNonNull(cmp);
    return new Cmp<>(Cmp.ENTRY_KEY, null, cmp);
  }

  public static <K, V> Comparator<Map.Entry<K, V>> MapEntry_comparingByValue(Comparator<? super V> cmp) {
    Objects.requireNonNull(cmp);
    return new Cmp<>(Cmp.ENTRY_VALUE, null, cmp);
  }

  // ---- java.util.function: Function, UnaryOperator, BiFunction, BinaryOperator ----

  @SuppressWarnings("unchecked")
  public static <T> Function<T, T> Function_identity() {
    return (Function<T, T>) FUNCTION_IDENTITY;
  }

  @SuppressWarnings("unchecked")
  public static <T> UnaryOperator<T> UnaryOperator_identity() {
    return (UnaryOperator<T>) UNARY_IDENTITY;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Function Function_compose(Function self, Function before) {
    if (overridden(self, Function.class, "compose", Function.class)) {
      return self.compose(before);
    }
    Objects.requireNonNull(before);
    return new Fn(Fn.CHAIN, before, self);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Function Function_andThen(Function self, Function after) {
    if (overridden(self, Function.class, "andThen", Function.class)) {
      return self.andThen(after);
    }
    Objects.requireNonNull(after);
    return new Fn(Fn.CHAIN, self, after);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static BiFunction BiFunction_andThen(BiFunction self, Function after) {
    if (overridden(self, BiFunction.class, "andThen", Function.class)) {
      return self.andThen(after);
    }
    Objects.requireNonNull(after);
    return new BiFn(BiFn.AND_THEN, self, after);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> BinaryOperator<T> BinaryOperator_minBy(Comparator<? super T> cmp) {
    Objects.requireNonNull(cmp);
    return (BinaryOperator<T>) new BiFn(BiFn.MIN, cmp, null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static <T> BinaryOperator<T> BinaryOperator_maxBy(Comparator<? super T> cmp) {
    Objects.requireNonNull(cmp);
    return (BinaryOperator<T>) new BiFn(BiFn.MAX, cmp, null);
  }

  // ---- Predicate, BiPredicate ----

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Predicate Predicate_and(Predicate self, Predicate other) {
    if (overridden(self, Predicate.class, "and", Predicate.class)) {
      return self.and(other);
    }
    Objects.requireNonNull(other);
    return new Pred(Pred.AND, self, other);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Predicate Predicate_or(Predicate self, Predicate other) {
    if (overridden(self, Predicate.class, "or", Predicate.class)) {
      return self.or(other);
    }
    Objects.requireNonNull(other);
    return new Pred(Pred.OR, self, other);
  }

  @SuppressWarnings("rawtypes")
  public static Predicate Predicate_negate(Predicate self) {
    if (overridden(self, Predicate.class, "negate")) {
      return self.negate();
    }
    return new Pred(Pred.NOT, self, null);
  }

  public static <T> Predicate<T> Predicate_isEqual(Object target) {
    return new Pred<>(Pred.EQUAL, target, null);
  }

  @SuppressWarnings("unchecked")
  public static <T> Predicate<T> Predicate_not(Predicate<? super T> target) {
    Objects.requireNonNull(target);
    return (Predicate<T>) Predicate_negate(target);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static BiPredicate BiPredicate_and(BiPredicate self, BiPredicate other) {
    if (overridden(self, BiPredicate.class, "and", BiPredicate.class)) {
      return self.and(other);
    }
    Objects.requireNonNull(other);
    return new BiPred(Pred.AND, self, other);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static BiPredicate BiPredicate_or(BiPredicate self, BiPredicate other) {
    if (overridden(self, BiPredicate.class, "or", BiPredicate.class)) {
      return self.or(other);
    }
    Objects.requireNonNull(other);
    return new BiPred(Pred.OR, self, other);
  }

  @SuppressWarnings("rawtypes")
  public static BiPredicate BiPredicate_negate(BiPredicate self) {
    if (overridden(self, BiPredicate.class, "negate")) {
      return self.negate();
    }
    return new BiPred(Pred.NOT, self, null);
  }

  // ---- Consumer, BiConsumer ----

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Consumer Consumer_andThen(Consumer self, Consumer after) {
    if (overridden(self, Consumer.class, "andThen", Consumer.class)) {
      return self.andThen(after);
    }
    Objects.requireNonNull(after);
    return new Cons(self, after);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static BiConsumer BiConsumer_andThen(BiConsumer self, BiConsumer after) {
    if (overridden(self, BiConsumer.class, "andThen", BiConsumer.class)) {
      return self.andThen(after);
    }
    Objects.requireNonNull(after);
    return new BiCons(self, after);
  }

  // ---- primitive specialisations ----

  public static IntPredicate IntPredicate_and(IntPredicate self, IntPredicate other) {
    if (overridden(self, IntPredicate.class, "and", IntPredicate.class)) {
      return self.and(other);
    }
    return new IntPred(Pred.AND, self, Objects.requireNonNull(other));
  }

  public static IntPredicate IntPredicate_or(IntPredicate self, IntPredicate other) {
    if (overridden(self, IntPredicate.class, "or", IntPredicate.class)) {
      return self.or(other);
    }
    return new IntPred(Pred.OR, self, Objects.requireNonNull(other));
  }

  public static IntPredicate IntPredicate_negate(IntPredicate self) {
    if (overridden(self, IntPredicate.class, "negate")) {
      return self.negate();
    }
    return new IntPred(Pred.NOT, self, null);
  }

  public static LongPredicate LongPredicate_and(LongPredicate self, LongPredicate other) {
    if (overridden(self, LongPredicate.class, "and", LongPredicate.class)) {
      return self.and(other);
    }
    return new LongPred(Pred.AND, self, Objects.requireNonNull(other));
  }

  public static LongPredicate LongPredicate_or(LongPredicate self, LongPredicate other) {
    if (overridden(self, LongPredicate.class, "or", LongPredicate.class)) {
      return self.or(other);
    }
    return new LongPred(Pred.OR, self, Objects.requireNonNull(other));
  }

  public static LongPredicate LongPredicate_negate(LongPredicate self) {
    if (overridden(self, LongPredicate.class, "negate")) {
      return self.negate();
    }
    return new LongPred(Pred.NOT, self, null);
  }

  public static DoublePredicate DoublePredicate_and(DoublePredicate self, DoublePredicate other) {
    if (overridden(self, DoublePredicate.class, "and", DoublePredicate.class)) {
      return self.and(other);
    }
    return new DoublePred(Pred.AND, self, Objects.requireNonNull(other));
  }

  public static DoublePredicate DoublePredicate_or(DoublePredicate self, DoublePredicate other) {
    if (overridden(self, DoublePredicate.class, "or", DoublePredicate.class)) {
      return self.or(other);
    }
    return new DoublePred(Pred.OR, self, Objects.requireNonNull(other));
  }

  public static DoublePredicate DoublePredicate_negate(DoublePredicate self) {
    if (overridden(self, DoublePredicate.class, "negate")) {
      return self.negate();
    }
    return new DoublePred(Pred.NOT, self, null);
  }

  public static IntUnaryOperator IntUnaryOperator_identity() {
    return INT_IDENTITY;
  }

  public static IntUnaryOperator IntUnaryOperator_andThen(IntUnaryOperator self, IntUnaryOperator after) {
    if (overridden(self, IntUnaryOperator.class, "andThen", IntUnaryOperator.class)) {
      return self.andThen(after);
    }
    return new IntOp(self, Objects.requireNonNull(after));
  }

  public static IntUnaryOperator IntUnaryOperator_compose(IntUnaryOperator self, IntUnaryOperator before) {
    if (overridden(self, IntUnaryOperator.class, "compose", IntUnaryOperator.class)) {
      return self.compose(before);
    }
    return new IntOp(Objects.requireNonNull(before), self);
  }

  public static LongUnaryOperator LongUnaryOperator_identity() {
    return LONG_IDENTITY;
  }

  public static LongUnaryOperator LongUnaryOperator_andThen(LongUnaryOperator self, LongUnaryOperator after) {
    if (overridden(self, LongUnaryOperator.class, "andThen", LongUnaryOperator.class)) {
      return self.andThen(after);
    }
    return new LongOp(self, Objects.requireNonNull(after));
  }

  public static LongUnaryOperator LongUnaryOperator_compose(LongUnaryOperator self, LongUnaryOperator before) {
    if (overridden(self, LongUnaryOperator.class, "compose", LongUnaryOperator.class)) {
      return self.compose(before);
    }
    return new LongOp(Objects.requireNonNull(before), self);
  }

  public static DoubleUnaryOperator DoubleUnaryOperator_identity() {
    return DOUBLE_IDENTITY;
  }

  public static DoubleUnaryOperator DoubleUnaryOperator_andThen(DoubleUnaryOperator self, DoubleUnaryOperator after) {
    if (overridden(self, DoubleUnaryOperator.class, "andThen", DoubleUnaryOperator.class)) {
      return self.andThen(after);
    }
    return new DoubleOp(self, Objects.requireNonNull(after));
  }

  public static DoubleUnaryOperator DoubleUnaryOperator_compose(DoubleUnaryOperator self, DoubleUnaryOperator before) {
    if (overridden(self, DoubleUnaryOperator.class, "compose", DoubleUnaryOperator.class)) {
      return self.compose(before);
    }
    return new DoubleOp(Objects.requireNonNull(before), self);
  }

  public static IntConsumer IntConsumer_andThen(IntConsumer self, IntConsumer after) {
    if (overridden(self, IntConsumer.class, "andThen", IntConsumer.class)) {
      return self.andThen(after);
    }
    return new PrimCons(self, Objects.requireNonNull(after));
  }

  public static LongConsumer LongConsumer_andThen(LongConsumer self, LongConsumer after) {
    if (overridden(self, LongConsumer.class, "andThen", LongConsumer.class)) {
      return self.andThen(after);
    }
    return new PrimCons(self, Objects.requireNonNull(after));
  }

  public static DoubleConsumer DoubleConsumer_andThen(DoubleConsumer self, DoubleConsumer after) {
    if (overridden(self, DoubleConsumer.class, "andThen", DoubleConsumer.class)) {
      return self.andThen(after);
    }
    return new PrimCons(self, Objects.requireNonNull(after));
  }

  // ---- the objects ----

  /** Comparators: by key (with a key comparator or natural order), chained, over map entries. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final class Cmp<T> implements Comparator<T>, Serializable {
    private static final long serialVersionUID = 1L;
    static final int KEY = 0;
    static final int KEY_INT = 1;
    static final int KEY_LONG = 2;
    static final int KEY_DOUBLE = 3;
    static final int THEN = 4;
    static final int ENTRY_KEY = 5;
    static final int ENTRY_VALUE = 6;

    int kind;
    Object a;
    Object b;

    Cmp(int kind, Object a, Object b) {
      this.kind = kind;
      this.a = a;
      this.b = b;
    }

    @Override
    public int compare(T x, T y) {
      switch (kind) {
        case KEY: {
          Function f = (Function) a;
          return b == null ? ((Comparable) f.apply(x)).compareTo(f.apply(y))
              : ((Comparator) b).compare(f.apply(x), f.apply(y));
        }
        case KEY_INT:
          return Integer.compare(((ToIntFunction) a).applyAsInt(x), ((ToIntFunction) a).applyAsInt(y));
        case KEY_LONG:
          return Long.compare(((ToLongFunction) a).applyAsLong(x), ((ToLongFunction) a).applyAsLong(y));
        case KEY_DOUBLE:
          return Double.compare(((ToDoubleFunction) a).applyAsDouble(x), ((ToDoubleFunction) a).applyAsDouble(y));
        case THEN: {
          int r = ((Comparator) a).compare(x, y);
          return r != 0 ? r : ((Comparator) b).compare(x, y);
        }
        case ENTRY_KEY: {
          Object kx = ((Map.Entry) x).getKey();
          Object ky = ((Map.Entry) y).getKey();
          return b == null ? ((Comparable) kx).compareTo(ky) : ((Comparator) b).compare(kx, ky);
        }
        default: {
          Object vx = ((Map.Entry) x).getValue();
          Object vy = ((Map.Entry) y).getValue();
          return b == null ? ((Comparable) vx).compareTo(vy) : ((Comparator) b).compare(vx, vy);
        }
      }
    }
  }

  /** Functions: the identity, or {@code second(first(x))}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final class Fn implements UnaryOperator<Object>, Serializable {
    private static final long serialVersionUID = 1L;
    static final int IDENTITY = 0;
    static final int CHAIN = 1;

    int kind;
    Function first;
    Function second;

    Fn(int kind, Function first, Function second) {
      this.kind = kind;
      this.first = first;
      this.second = second;
    }

    @Override
    public Object apply(Object t) {
      return kind == IDENTITY ? t : second.apply(first.apply(t));
    }
  }

  /** Two-argument functions: {@code after(f(t, u))}, or min/max by a comparator. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final class BiFn implements BinaryOperator<Object>, Serializable {
    private static final long serialVersionUID = 1L;
    static final int AND_THEN = 0;
    static final int MIN = 1;
    static final int MAX = 2;

    int kind;
    Object a;
    Function after;

    BiFn(int kind, Object a, Function after) {
      this.kind = kind;
      this.a = a;
      this.after = after;
    }

    @Override
    public Object apply(Object t, Object u) {
      switch (kind) {
        case AND_THEN:
          return after.apply(((BiFunction) a).apply(t, u));
        case MIN:
          return ((Comparator) a).compare(t, u) <= 0 ? t : u;
        default:
          return ((Comparator) a).compare(t, u) >= 0 ? t : u;
      }
    }
  }

  /** Predicates: and, or, not, equal to a target. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final class Pred<T> implements Predicate<T>, Serializable {
    private static final long serialVersionUID = 1L;
    static final int AND = 0;
    static final int OR = 1;
    static final int NOT = 2;
    static final int EQUAL = 3;

    int kind;
    Object a;
    Object b;

    Pred(int kind, Object a, Object b) {
      this.kind = kind;
      this.a = a;
      this.b = b;
    }

    @Override
    public boolean test(T t) {
      switch (kind) {
        case AND:
          return ((Predicate) a).test(t) && ((Predicate) b).test(t);
        case OR:
          return ((Predicate) a).test(t) || ((Predicate) b).test(t);
        case NOT:
          return !((Predicate) a).test(t);
        default:
          return a == null ? t == null : a.equals(t);
      }
    }
  }

  /** Two-argument predicates: and, or, not. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final class BiPred implements BiPredicate<Object, Object>, Serializable {
    private static final long serialVersionUID = 1L;
    int kind;
    BiPredicate a;
    BiPredicate b;

    BiPred(int kind, BiPredicate a, BiPredicate b) {
      this.kind = kind;
      this.a = a;
      this.b = b;
    }

    @Override
    public boolean test(Object t, Object u) {
      switch (kind) {
        case Pred.AND:
          return a.test(t, u) && b.test(t, u);
        case Pred.OR:
          return a.test(t, u) || b.test(t, u);
        default:
          return !a.test(t, u);
      }
    }
  }

  /** {@code first.accept(t); second.accept(t)}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final class Cons implements Consumer<Object>, Serializable {
    private static final long serialVersionUID = 1L;
    Consumer first;
    Consumer second;

    Cons(Consumer first, Consumer second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void accept(Object t) {
      first.accept(t);
      second.accept(t);
    }
  }

  /** {@code first.accept(t, u); second.accept(t, u)}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final class BiCons implements BiConsumer<Object, Object>, Serializable {
    private static final long serialVersionUID = 1L;
    BiConsumer first;
    BiConsumer second;

    BiCons(BiConsumer first, BiConsumer second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void accept(Object t, Object u) {
      first.accept(t, u);
      second.accept(t, u);
    }
  }

  /** Int predicates: and, or, not. */
  public static final class IntPred implements IntPredicate, Serializable {
    private static final long serialVersionUID = 1L;
    int kind;
    IntPredicate a;
    IntPredicate b;

    IntPred(int kind, IntPredicate a, IntPredicate b) {
      this.kind = kind;
      this.a = a;
      this.b = b;
    }

    @Override
    public boolean test(int v) {
      return kind == Pred.AND ? a.test(v) && b.test(v) : kind == Pred.OR ? a.test(v) || b.test(v) : !a.test(v);
    }
  }

  /** Long predicates: and, or, not. */
  public static final class LongPred implements LongPredicate, Serializable {
    private static final long serialVersionUID = 1L;
    int kind;
    LongPredicate a;
    LongPredicate b;

    LongPred(int kind, LongPredicate a, LongPredicate b) {
      this.kind = kind;
      this.a = a;
      this.b = b;
    }

    @Override
    public boolean test(long v) {
      return kind == Pred.AND ? a.test(v) && b.test(v) : kind == Pred.OR ? a.test(v) || b.test(v) : !a.test(v);
    }
  }

  /** Double predicates: and, or, not. */
  public static final class DoublePred implements DoublePredicate, Serializable {
    private static final long serialVersionUID = 1L;
    int kind;
    DoublePredicate a;
    DoublePredicate b;

    DoublePred(int kind, DoublePredicate a, DoublePredicate b) {
      this.kind = kind;
      this.a = a;
      this.b = b;
    }

    @Override
    public boolean test(double v) {
      return kind == Pred.AND ? a.test(v) && b.test(v) : kind == Pred.OR ? a.test(v) || b.test(v) : !a.test(v);
    }
  }

  /** Int operators: the identity (both null) or {@code second(first(v))}. */
  public static final class IntOp implements IntUnaryOperator, Serializable {
    private static final long serialVersionUID = 1L;
    IntUnaryOperator first;
    IntUnaryOperator second;

    IntOp(IntUnaryOperator first, IntUnaryOperator second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public int applyAsInt(int v) {
      return first == null ? v : second.applyAsInt(first.applyAsInt(v));
    }
  }

  /** Long operators: the identity (both null) or {@code second(first(v))}. */
  public static final class LongOp implements LongUnaryOperator, Serializable {
    private static final long serialVersionUID = 1L;
    LongUnaryOperator first;
    LongUnaryOperator second;

    LongOp(LongUnaryOperator first, LongUnaryOperator second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public long applyAsLong(long v) {
      return first == null ? v : second.applyAsLong(first.applyAsLong(v));
    }
  }

  /** Double operators: the identity (both null) or {@code second(first(v))}. */
  public static final class DoubleOp implements DoubleUnaryOperator, Serializable {
    private static final long serialVersionUID = 1L;
    DoubleUnaryOperator first;
    DoubleUnaryOperator second;

    DoubleOp(DoubleUnaryOperator first, DoubleUnaryOperator second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public double applyAsDouble(double v) {
      return first == null ? v : second.applyAsDouble(first.applyAsDouble(v));
    }
  }

  /** Primitive consumers chained: {@code first.accept(v); second.accept(v)}. */
  public static final class PrimCons implements IntConsumer, LongConsumer, DoubleConsumer, Serializable {
    private static final long serialVersionUID = 1L;
    Object first;
    Object second;

    PrimCons(Object first, Object second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void accept(int v) {
      ((IntConsumer) first).accept(v);
      ((IntConsumer) second).accept(v);
    }

    @Override
    public void accept(long v) {
      ((LongConsumer) first).accept(v);
      ((LongConsumer) second).accept(v);
    }

    @Override
    public void accept(double v) {
      ((DoubleConsumer) first).accept(v);
      ((DoubleConsumer) second).accept(v);
    }
  }
}
