package io.roam.instrument.rewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.instrument.Instrumenter;
import io.roam.instrument.runtime.ClinitHook;
import io.roam.instrument.runtime.ContextClass;
import io.roam.instrument.runtime.Continuation;
import io.roam.instrument.runtime.VirtualSystem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import monitorfixture.Synced;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The monitor rewrite (MonitorRewriter, ThreadCallRedirector): no JVM monitor is left in
 * process code, the result verifies, every path out of a synchronized method or block —
 * exceptions included — exits the monitor it entered, and calls inside synchronized become
 * resume sites. The rewritten class runs against a recording {@link VirtualSystem}.
 */
class MonitorRewriteTest {
  private static final String NAME = Synced.class.getName().replace('.', '/');
  private final List<String> calls = new ArrayList<>();
  private Instrumenter.Result result;
  private Class<?> synced;
  private Object instance;

  @BeforeEach
  void load() throws Exception {
    result = new Instrumenter(n -> n.equals(NAME) ? TwinLoopEntryTest.bytes(n) : null,
        getClass().getClassLoader()).instrument(TwinLoopEntryTest.bytes(NAME));
    Loader loader = new Loader(result.bytes());
    Class<?> ctx = loader.loadClass(ContextClass.NAME);
    Object sys = Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {VirtualSystem.class, ClinitHook.class}, (p, m, args) -> record(m, args));
    ctx.getField("sys").set(null, sys);
    ctx.getField("hook").set(null, sys);
    ctx.getField("cont").set(null, new Continuation());
    synced = loader.loadClass(Synced.class.getName());
    instance = synced.getConstructor().newInstance();
  }

  private Object record(Method m, Object[] args) {
    String n = m.getName();
    if (n.startsWith("monitor") || n.startsWith("object")) {
      Object o = args[0];
      calls.add(n + " " + (o instanceof Class<?> c ? c.getSimpleName() : o == instance ? "this" : "lock"));
    }
    Class<?> r = m.getReturnType();
    if (r == boolean.class) {
      return Boolean.FALSE;
    }
    if (r == int.class) {
      return Integer.valueOf(0);
    }
    if (r == long.class) {
      return Long.valueOf(0);
    }
    return r == double.class ? (Object) Double.valueOf(0) : null;
  }

  private Object call(String method, Class<?>[] types, Object... args) throws Throwable {
    try {
      return synced.getMethod(method, types).invoke(instance, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void noJvmMonitorIsLeftAndTheClassVerifies() {
    ClassNode cn = new ClassNode();
    new ClassReader(result.bytes()).accept(cn, 0);
    for (MethodNode m : cn.methods) {
      assertThat(m.access & Opcodes.ACC_SYNCHRONIZED).as(m.name).isZero();
      for (AbstractInsnNode i : m.instructions) {
        assertThat(i.getOpcode()).as(m.name).isNotIn(Opcodes.MONITORENTER, Opcodes.MONITOREXIT);
      }
    }
    StringWriter problems = new StringWriter();
    CheckClassAdapter.verify(new ClassReader(result.bytes()), getClass().getClassLoader(), false,
        new PrintWriter(problems));
    assertThat(problems.toString()).isEmpty();
  }

  @Test
  void synchronizedMethodsEnterAndExitTheirMonitor() throws Throwable {
    assertThat(call("add", new Class<?>[] {int.class}, 5)).isEqualTo(5);
    assertThat(call("twice", new Class<?>[] {long.class}, 21L)).isEqualTo(42L);
    assertThat(call("wide", new Class<?>[] {long.class, double.class}, 1L, 0.5)).isEqualTo(1.5);
    assertThat(calls).containsExactly("monitorEnter this", "monitorExit this",
        "monitorEnter Synced", "monitorExit Synced", "monitorEnter this", "monitorExit this");
  }

  @Test
  void anExceptionInsideSynchronizedReleasesTheMonitor() throws Throwable {
    assertThatThrownBy(() -> call("throwInside", new Class<?>[] {int.class}, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("inside 3");
    assertThatThrownBy(() -> call("throwInBlock", new Class<?>[] {int.class}, 4))
        .isInstanceOf(IllegalStateException.class).hasMessage("block 4");
    assertThat(calls).containsExactly("monitorEnter this", "monitorExit this",
        "monitorEnter lock", "monitorExit lock");
  }

  @Test
  void nestingAndRecursionBalanceEveryEnter() throws Throwable {
    assertThat(call("recurse", new Class<?>[] {int.class}, 3)).isEqualTo(3);
    assertThat(calls).containsExactly("monitorEnter this", "monitorEnter this", "monitorEnter this",
        "monitorEnter this", "monitorExit this", "monitorExit this", "monitorExit this", "monitorExit this");
    calls.clear();
    assertThat(call("nested", new Class<?>[] {int.class}, 2)).isEqualTo(5);
    assertThat(calls).containsExactly("monitorEnter lock", "monitorEnter this", "monitorEnter this",
        "monitorExit this", "monitorExit this", "monitorExit lock");
  }

  @Test
  void waitAndNotifyGoToTheKernel() throws Throwable {
    call("waitAndNotify", new Class<?>[0]);
    assertThat(calls).containsExactly("monitorEnter lock", "objectNotifyAll lock", "objectWait lock",
        "monitorExit lock");
  }

  @Test
  void callsInsideSynchronizedAreResumeSites() {
    // Before the rewrite such calls were unsafe points; now recurse(), nested() and the
    // monitorEnter of every synchronized region can unwind.
    assertThat(result.safeInvokeOffsets()).containsKeys("recurse(I)I", "nested(I)I", "add(I)I");
    ClassNode cn = new ClassNode();
    new ClassReader(result.bytes()).accept(cn, 0);
    MethodNode recurse = cn.methods.stream().filter(m -> m.name.equals("recurse")).findFirst().orElseThrow();
    long enters = java.util.stream.StreamSupport.stream(recurse.instructions.spliterator(), false)
        .filter(i -> i instanceof MethodInsnNode c && c.name.equals("monitorEnter")).count();
    assertThat(enters).isEqualTo(1);
    assertThat(result.safeInvokeOffsets().get("recurse(I)I")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void onlyMethodsThatCanRunNoOtherCodeAreLeaves() throws Exception {
    ClassNode cn = new ClassNode();
    new ClassReader(TwinLoopEntryTest.bytes(NAME)).accept(cn, 0);
    java.util.Map<String, Boolean> leaf = new java.util.TreeMap<>();
    for (MethodNode m : cn.methods) {
      leaf.put(m.name, MonitorRewriter.isLeaf(cn, m));
    }
    // add/twice/wide: straight-line field arithmetic; throwInside allocates, recurse and nested
    // call, loop jumps back (a poll), fresh calls hashCode, waitAndNotify calls wait/notify
    assertThat(leaf).containsEntry("add", true).containsEntry("twice", true).containsEntry("wide", true)
        .containsEntry("throwInBlock", false).containsEntry("throwInside", false)
        .containsEntry("recurse", false).containsEntry("nested", false).containsEntry("loop", false)
        .containsEntry("fresh", false).containsEntry("waitAndNotify", false);
  }

  @Test
  void leafMonitorsCostNothingWhileTheProcessHasOneThreadAndGoToTheKernelOtherwise() throws Throwable {
    Class<?> ctx = synced.getClassLoader().loadClass(ContextClass.NAME);
    ctx.getField("held").set(null, new Object[8]);
    ctx.getField("fastMonitors").setBoolean(null, true);
    assertThat(call("add", new Class<?>[] {int.class}, 5)).isEqualTo(5);
    assertThat(call("twice", new Class<?>[] {long.class}, 21L)).isEqualTo(42L);
    assertThat(calls).as("fast mode: no kernel call, nothing on the held stack").isEmpty();
    assertThat(ctx.getField("heldTop").getInt(null)).isZero();
    assertThat(call("loop", new Class<?>[] {int.class}, 4)).isEqualTo(6);
    assertThat(calls).as("a region with a safe point is not elided: it is on the held stack").isEmpty();
    assertThat(ctx.getField("heldTop").getInt(null)).isZero();
    ctx.getField("fastMonitors").setBoolean(null, false);
    assertThat(call("add", new Class<?>[] {int.class}, 5)).isEqualTo(10);
    assertThat(calls).containsExactly("monitorEnter this", "monitorExit this");
  }

  /** Defines the context class and the rewritten fixture; everything else from the parent. */
  private static final class Loader extends ClassLoader {
    private final byte[] fixture;

    Loader(byte[] fixture) {
      super("monitor-fixture", MonitorRewriteTest.class.getClassLoader());
      this.fixture = fixture;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null && name.equals(ContextClass.NAME)) {
          byte[] b = ContextClass.bytes();
          c = defineClass(name, b, 0, b.length);
        } else if (c == null && name.equals(Synced.class.getName())) {
          c = defineClass(name, fixture, 0, fixture.length);
        }
        return c != null ? c : super.loadClass(name, resolve);
      }
    }
  }
}
