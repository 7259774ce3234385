package io.roam.kernel.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.kernel.image.ProcessImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoring one snapshot again and again in one JVM takes spare loaders ({@link SpareLoaders})
 * from the third restore on; each restored process still has statics of its own and prints
 * exactly what the program prints uninterrupted. The program, corpus.StaticTables, builds tables
 * in static initializers, counts in static fields while it runs and initialises a holder class
 * mid-run (its initializer counts too): a spare that shared a class or ran an initializer again
 * would change the output. And a program restored only once (a one-shot {@code roam local resume})
 * costs no background work: the first spare is asked for by its second restore.
 */
class SpareLoaderRestoreTest {
  static final String MAIN = "corpus.StaticTables";
  static final ClassLoader PARENT = SpareLoaderRestoreTest.class.getClassLoader();

  @TempDir Path dir;

  @Test
  void eachRestoreOfOneSnapshotHasItsOwnStaticsAndPrintsWhatThePlainRunPrints() throws Exception {
    CodeSource code = CodeSource.fromClassPath(classPathOf(MAIN));
    String plain = runFresh(code, false).out;
    Fresh frozen = runFresh(code, true);
    assertThat(frozen.out).isNotEmpty();
    assertThat(plain).startsWith(frozen.out).isNotEqualTo(frozen.out);
    Path snapshot = dir.resolve("s.roam");
    ProcessImage.write(frozen.rt, MAIN, snapshot);
    List<Class<?>> mains = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      CompletableFuture<ProcessClassLoader> spare = SpareLoaders.spareFor(code, PARENT);
      ProcessClassLoader expected = i >= 2 ? spare.get(60, TimeUnit.SECONDS) : null;
      ByteArrayOutputStream tail = new ByteArrayOutputStream();
      ProcessImage.Restored r = ProcessImage.read(snapshot, PARENT,
          (o, e) -> new VirtualConsole(tail, tail, new ByteArrayInputStream(new byte[0]), o, e));
      if (expected != null) {
        assertThat(r.runtime().loader()).as("restore " + i).isSameAs(expected);
      }
      mains.add(Class.forName(MAIN, false, r.runtime().loader()));
      assertThat(ProcessRunner.run(r.runtime(), ProcessRunner.mainMethod(r.runtime().loader(), MAIN), null))
          .isEqualTo(new ProcessRunner.Exited(0));
      r.runtime().console().flush();
      assertThat(frozen.out + tail).as("restore " + i).isEqualTo(plain);
    }
    assertThat(mains).doesNotHaveDuplicates();
  }

  @Test
  void aProgramRestoredOnceGetsNoSpareTheSecondRestoreAsksForOne() throws Exception {
    CodeSource code = uniqueCode(dir.toString() + System.nanoTime());
    Path snapshot = dir.resolve("once.roam");
    ProcessImage.write(runFresh(code, true).rt, MAIN, snapshot);
    ProcessImage.read(snapshot, PARENT);
    assertThat(SpareLoaders.spareFor(code, PARENT)).as("spare after one restore").isNull();
    ProcessImage.read(snapshot, PARENT);
    assertThat(SpareLoaders.spareFor(code, PARENT)).as("spare after two restores").isNotNull();
  }

  @Test
  void codeThatDiffersFromTheKnownCodeOfItsDigestIsRefused() throws Exception {
    String marker = "unique-" + System.nanoTime();
    CodeSource code = uniqueCode(marker);
    Path snapshot = dir.resolve("known.roam");
    ProcessImage.write(runFresh(code, true).rt, MAIN, snapshot);
    // restored twice: its code is known to this JVM (a restore reuses it instead of hashing again)
    ProcessImage.read(snapshot, PARENT);
    ProcessImage.read(snapshot, PARENT);
    assertThat(SpareLoaders.knownCode(code.digest(), PARENT)).isNotNull();

    // the same snapshot with one byte of its code changed, every checksum valid, the digest claimed
    Path forged = dir.resolve("forged.roam");
    try (io.roam.kernel.snapshot.SnapshotReader r = io.roam.kernel.snapshot.SnapshotReader.open(snapshot);
        OutputStream out = java.nio.file.Files.newOutputStream(forged)) {
      byte[] codeSection = r.readSection("code");
      String text = new String(codeSection, java.nio.charset.StandardCharsets.ISO_8859_1);
      int at = text.indexOf(marker);
      assertThat(at).isPositive();
      codeSection[at] ^= 1;
      io.roam.kernel.snapshot.SnapshotWriter w = new io.roam.kernel.snapshot.SnapshotWriter(out);
      w.writeSection("meta", r.readSection("meta"));
      w.writeSection("code", codeSection);
      w.writeSection("heap", r.readSection("heap"));
      w.finish();
    }
    assertThatThrownBy(() -> ProcessImage.read(forged, PARENT))
        .isInstanceOf(io.roam.kernel.RoamException.class)
        .hasMessageContaining("its code does not match its recorded digest");
  }

  /**
   * The program plus a resource {@code unique.txt} holding {@code marker}: a code digest no other
   * test of this JVM uses.
   */
  private CodeSource uniqueCode(String marker) throws Exception {
    Path cp = dir.resolve("cp");
    Path cls = cp.resolve(MAIN.replace('.', '/') + ".class");
    java.nio.file.Files.createDirectories(cls.getParent());
    try (var in = PARENT.getResourceAsStream(MAIN.replace('.', '/') + ".class")) {
      java.nio.file.Files.copy(in, cls);
    }
    java.nio.file.Files.writeString(cp.resolve("unique.txt"), marker);
    return CodeSource.fromClassPath(cp.toString());
  }

  /** A run from the start; with {@code freeze}, captured at the first safe point after its first output. */
  static Fresh runFresh(CodeSource code, boolean freeze) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ProcessRuntime[] rt = new ProcessRuntime[1];
    OutputStream console = new OutputStream() {
      @Override
      public void write(int b) {
        out.write(b);
        if (freeze) {
          rt[0].requestCapture();
        }
      }

      @Override
      public void write(byte[] b, int off, int len) {
        out.write(b, off, len);
        if (freeze) {
          rt[0].requestCapture();
        }
      }
    };
    rt[0] = new ProcessRuntime(new ProcessClassLoader(code, PARENT), ProcessState.fresh(),
        new VirtualConsole(console, console, new ByteArrayInputStream(new byte[0]), 0, 0));
    ProcessRunner.Outcome o = ProcessRunner.run(rt[0], ProcessRunner.mainMethod(rt[0].loader(), MAIN), new String[0]);
    rt[0].console().flush();
    if (freeze) {
      assertThat(o).isInstanceOf(ProcessRunner.Captured.class);
    } else {
      assertThat(o).isEqualTo(new ProcessRunner.Exited(0));
    }
    return new Fresh(rt[0], out.toString());
  }

  record Fresh(ProcessRuntime rt, String out) {}

  static String classPathOf(String cls) throws Exception {
    return Path.of(Class.forName(cls).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
