package io.roam.bench.jmh;

import io.roam.kernel.process.CodeSource;
import io.roam.kernel.process.ProcessClassLoader;
import io.roam.kernel.process.ProcessRuntime;
import io.roam.kernel.process.ProcessState;
import io.roam.kernel.process.VirtualConsole;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the rewriter's safe-point polls cost in hot loops. {@code benchload.Kernels} runs (a) as
 * plain code (the class as javac wrote it, from the benchmark's own class path) and (b) rewritten
 * and defined by a kernel {@link ProcessClassLoader} whose code is a directory holding only that
 * class, with a {@link ProcessRuntime} installed as it would be for a process (no capture is ever
 * requested). Both are called through a {@link MethodHandle} in the same way.
 *
 * <p>SOR: SciMark's 100×100 grid, 10 sweeps per operation. dot: 100 000-element dot product.
 * mc: SciMark 2.0's own {@code jnt.scimark2.MonteCarlo.integrate(65536)} from the unmodified jar (a
 * loop that calls the synchronized {@code Random.nextDouble} twice per iteration), plain from the
 * bench class path and rewritten through a process class loader over the jar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PollCostBenchmark {
  static final String KERNELS = "benchload.Kernels";
  static final MethodType SOR = MethodType.methodType(void.class, double.class, double[][].class, int.class);
  static final MethodType DOT = MethodType.methodType(double.class, double[].class, double[].class);
  static final MethodType MC = MethodType.methodType(double.class, int.class);
  static final String MONTE_CARLO = "jnt.scimark2.MonteCarlo";

  private double[][] grid;
  private double[] x;
  private double[] y;
  private MethodHandle sorPlain;
  private MethodHandle sorRoam;
  private MethodHandle dotPlain;
  private MethodHandle dotRoam;
  private MethodHandle mcPlain;
  private MethodHandle mcRoam;
  private Path dir;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    Random r = new Random(7);
    grid = new double[100][100];
    for (double[] row : grid) {
      for (int j = 0; j < row.length; j++) {
        row[j] = r.nextDouble();
      }
    }
    x = r.doubles(100_000).toArray();
    y = r.doubles(100_000).toArray();
    ClassLoader parent = PollCostBenchmark.class.getClassLoader();
    Class<?> plain = Class.forName(KERNELS, true, parent);
    dir = Files.createTempDirectory("roam-jmh-poll");
    copyClass(dir);
    ProcessClassLoader loader = new ProcessClassLoader(CodeSource.fromClassPath(dir.toString()), parent);
    new ProcessRuntime(loader, ProcessState.fresh(), new VirtualConsole(0, 0));
    Class<?> rewritten = Class.forName(KERNELS, true, loader);
    if (rewritten.getClassLoader() != loader || plain == rewritten) {
      throw new IllegalStateException(KERNELS + " was not defined by the process class loader");
    }
    MethodHandles.Lookup l = MethodHandles.publicLookup();
    sorPlain = l.findStatic(plain, "sor", SOR);
    sorRoam = l.findStatic(rewritten, "sor", SOR);
    dotPlain = l.findStatic(plain, "dot", DOT);
    dotRoam = l.findStatic(rewritten, "dot", DOT);
    Class<?> mc = Class.forName(MONTE_CARLO, true, parent);
    String jar = Path.of(mc.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    ProcessClassLoader scimark = new ProcessClassLoader(CodeSource.fromClassPath(jar), parent);
    new ProcessRuntime(scimark, ProcessState.fresh(), new VirtualConsole(0, 0));
    Class<?> mcRewritten = Class.forName(MONTE_CARLO, true, scimark);
    if (mcRewritten.getClassLoader() != scimark) {
      throw new IllegalStateException(MONTE_CARLO + " was not defined by the process class loader");
    }
    mcPlain = l.findStatic(mc, "integrate", MC);
    mcRoam = l.findStatic(mcRewritten, "integrate", MC);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Path f = dir.resolve(KERNELS.replace('.', '/') + ".class");
    Files.deleteIfExists(f);
    Files.deleteIfExists(f.getParent());
    Files.deleteIfExists(dir);
  }

  private static void copyClass(Path dir) throws IOException {
    String res = KERNELS.replace('.', '/') + ".class";
    Path f = dir.resolve(res);
    Files.createDirectories(f.getParent());
    try (InputStream in = PollCostBenchmark.class.getClassLoader().getResourceAsStream(res)) {
      Files.copy(in, f);
    }
  }

  @Benchmark
  public void sorPlain() throws Throwable {
    sorPlain.invokeExact(1.25, grid, 10);
  }

  @Benchmark
  public void sorRoam() throws Throwable {
    sorRoam.invokeExact(1.25, grid, 10);
  }

  @Benchmark
  public double dotPlain() throws Throwable {
    return (double) dotPlain.invokeExact(x, y);
  }

  @Benchmark
  public double dotRoam() throws Throwable {
    return (double) dotRoam.invokeExact(x, y);
  }

  @Benchmark
  public double mcPlain() throws Throwable {
    return (double) mcPlain.invokeExact(65536);
  }

  @Benchmark
  public double mcRoam() throws Throwable {
    return (double) mcRoam.invokeExact(65536);
  }
}
