package io.roam.instrument.runtime;

import io.roam.instrument.sandbox.Rule;
import io.roam.instrument.sandbox.RuleTable;
import io.roam.instrument.sandbox.Violation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's run-time checks, for what the load-time verifier cannot judge: reflection whose
 * target is only known when it runs. Process code calls these from call sites that {@code
 * ReflectionGuard} rewrote (keep in sync with it): {@code check…(…)V} methods run just before the
 * original call with copies of its arguments; {@code check…(T)T} methods run just after it and
 * return its result unchanged. The original call stays in the process class, so caller-sensitive
 * JDK methods see the same caller as without Roam.
 *
 * <p>Refusals throw {@link SecurityException} with the message of a {@link Violation} at the
 * process's call site. Stateless and thread-safe.
 */
public final class Sandbox {
  /** Keep in sync with {@code ContinuationTransformer.TWIN_INFIX}. */
  private static final String TWIN_INFIX = "$roam$r$";
  private static final StackWalker WALKER = StackWalker.getInstance(Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));

  private Sandbox() {}

  /** Before {@code o.setAccessible(flag)}: only members of the caller's own process may be opened. */
  public static void checkSetAccessible(AccessibleObject o, boolean flag) {
    if (flag && o != null) {
      requireOwn(o, "setAccessible");
    }
  }

  /** Before {@code o.trySetAccessible()}. */
  public static void checkTrySetAccessible(AccessibleObject o) {
    if (o != null) {
      requireOwn(o, "trySetAccessible");
    }
  }

  /** Before {@code AccessibleObject.setAccessible(array, flag)}. */
  public static void checkSetAccessibleAll(AccessibleObject[] array, boolean flag) {
    if (flag && array != null) {
      for (AccessibleObject o : array) {
        if (o != null) {
          requireOwn(o, "setAccessible");
        }
      }
    }
  }

  /** Before {@code MethodHandles.privateLookupIn(target, lookup)}: only into the process's classes. */
  public static void checkPrivateLookupIn(Class<?> target, MethodHandles.Lookup lookup) {
    StackWalker.StackFrame caller = caller();
    if (target != null && !isOwn(target, caller.getDeclaringClass())) {
      throw refusal(caller, "calls java.lang.invoke.MethodHandles.privateLookupIn on " + target.getName(),
          Rule.REFLECT_INTERNAL);
    }
  }

  /** Before {@code c.newInstance()}. */
  public static void checkNewInstance(Class<?> c) {
    Rule r = c == null ? null : memberRule(c, "<init>");
    if (r != null) {
      throw refusal(caller(), "calls java.lang.Class.newInstance on " + c.getName(), r);
    }
  }

  /** After a by-name class lookup ({@code Class.forName}, {@code loadClass}, {@code findClass}). */
  public static Class<?> checkClass(Class<?> c) {
    Rule r = c == null ? null : RuleTable.type(c.getName().replace('.', '/'));
    if (r != null) {
      throw refusal(caller(), "looks up class " + c.getName(), r);
    }
    return c;
  }

  /** After {@code getMethod} / {@code getDeclaredMethod}. */
  public static Method checkMethod(Method m) {
    return checkMember(m);
  }

  /** After {@code getConstructor} / {@code getDeclaredConstructor}. */
  public static <T> Constructor<T> checkConstructor(Constructor<T> c) {
    return checkMember(c);
  }

  /** After {@code getField} / {@code getDeclaredField}. */
  public static Field checkField(Field f) {
    return checkMember(f);
  }

  /** After {@code getMethods} / {@code getDeclaredMethods}: the refused methods are left out. */
  public static Method[] checkMethods(Method[] all) {
    return Arrays.stream(all).filter(m -> rule(m) == null).toArray(Method[]::new);
  }

  /** After {@code getConstructors} / {@code getDeclaredConstructors}: refused ones left out. */
  public static Constructor<?>[] checkConstructors(Constructor<?>[] all) {
    return Arrays.stream(all).filter(m -> rule(m) == null).toArray(Constructor<?>[]::new);
  }

  /** After {@code getFields} / {@code getDeclaredFields}: refused ones left out. */
  public static Field[] checkFields(Field[] all) {
    return Arrays.stream(all).filter(m -> rule(m) == null).toArray(Field[]::new);
  }

  /** After a {@code Lookup.find…} or {@code unreflect…}: the handle's member must be allowed. */
  public static MethodHandle checkHandle(MethodHandle h) {
    Member m;
    try {
      m = MethodHandles.reflectAs(Member.class, h);
    } catch (IllegalArgumentException notDirect) {
      return h;
    }
    checkMember(m);
    return h;
  }

  /** Instead of {@code lookup.bind(receiver, name, type)} (not caller-sensitive). */
  public static MethodHandle bind(MethodHandles.Lookup lookup, Object receiver, String name,
      java.lang.invoke.MethodType type) throws ReflectiveOperationException {
    Rule r = receiver == null ? null : memberRule(receiver.getClass(), name);
    if (r != null) {
      throw refusal(caller(), "binds " + receiver.getClass().getName() + "." + name, r);
    }
    return lookup.bind(receiver, name, type);
  }

  private static <M extends Member> M checkMember(M m) {
    Rule r = m == null ? null : rule(m);
    if (r != null) {
      throw refusal(caller(), "looks up " + describe(m), r);
    }
    return m;
  }

  private static Rule rule(Member m) {
    return memberRule(m.getDeclaringClass(), m instanceof Constructor ? "<init>" : m.getName());
  }

  private static Rule memberRule(Class<?> declaring, String name) {
    for (Class<?> c = declaring; c != null; c = c.getSuperclass()) {
      Rule r = RuleTable.member(c.getName().replace('.', '/'), name);
      if (r != null) {
        return r;
      }
    }
    return null;
  }

  private static void requireOwn(AccessibleObject o, String call) {
    StackWalker.StackFrame caller = caller();
    Class<?> declaring = o instanceof Member m ? m.getDeclaringClass() : o.getClass();
    if (!isOwn(declaring, caller.getDeclaringClass())) {
      throw refusal(caller, "calls " + call + " on " + (o instanceof Member m ? describe(m) : declaring.getName()),
          Rule.REFLECT_INTERNAL);
    }
  }

  /** True when {@code c} is a class of the same process as {@code caller} (not Roam's context class). */
  private static boolean isOwn(Class<?> c, Class<?> caller) {
    return c.getClassLoader() == caller.getClassLoader() && c.getClassLoader() != null
        && !RuleTable.isInternal(c.getName());
  }

  private static String describe(Member m) {
    return m.getDeclaringClass().getName() + "." + (m instanceof Constructor ? "<init>" : m.getName());
  }

  /** The process frame that called into this class. */
  private static StackWalker.StackFrame caller() {
    Optional<StackWalker.StackFrame> f = WALKER.walk(s -> s.filter(x -> x.getDeclaringClass() != Sandbox.class)
        .findFirst());
    return f.orElseThrow();
  }

  private static SecurityException refusal(StackWalker.StackFrame f, String what, Rule rule) {
    String method = f.getMethodName();
    int twin = method.indexOf(TWIN_INFIX);
    // a rewind twin has its own descriptor: name the method without parameters then
    Violation v = new Violation(f.getClassName(), twin > 0 ? method.substring(0, twin) : method,
        twin > 0 ? null : f.getDescriptor(), f.getLineNumber(), what, rule);
    return new SecurityException("sandbox: " + v.message());
  }
}
