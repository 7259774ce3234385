package io.roam.kernel.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.instrument.runtime.files.FileService;
import io.roam.kernel.RoamException;
import io.roam.kernel.process.ProcessState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of the cut-back on recovery: the journal's format (whole lines only, any path), which
 * record gives a file's length at the checkpoint, what is done to each kind of file, that an error
 * changes nothing, what a capture records and what the file service journals, and that a restore
 * without the cut-back (a migration) leaves the files as they are.
 */
class RecoveryCutTest {
  @TempDir Path dir;

  private FileJournal journal() {
    return new FileJournal(() -> dir.resolve("files.journal"));
  }

  private Path file(String name, int bytes) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, new byte[bytes]);
    return p;
  }

  @Test
  void journalKeepsWholeLinesAndAnyPathAndIgnoresATornLastLine() throws Exception {
    FileJournal j = journal();
    String odd = dir.resolve("a %0A b\nc.txt").toString();
    j.record(new FileJournal.Entry(0, odd, -1, false));
    j.record(new FileJournal.Entry(7, "/x/y", 12345, true));
    j.close();
    byte[] torn = "8 99 W /torn\u20ac".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("files.journal"), java.util.Arrays.copyOf(torn, torn.length - 1),
        java.nio.file.StandardOpenOption.APPEND); // ends inside a character
    assertThat(journal().read()).containsExactly(new FileJournal.Entry(0, odd, -1, false),
        new FileJournal.Entry(7, "/x/y", 12345, true));
    j.clear();
    assertThat(journal().read()).isEmpty();
  }

  @Test
  void eachFileGoesBackToItsEarliestRecordAfterTheCheckpoint() throws Exception {
    Path open = file("open.log", 500);
    Path reopened = file("reopened.log", 300);
    Path created = file("created.log", 40);
    Path older = file("older.log", 90);
    List<FileJournal.Entry> entries = List.of(
        new FileJournal.Entry(2, older.toString(), 10, false), // before the checkpoint: spent
        new FileJournal.Entry(3, open.toString(), 450, false), // the capture's record wins
        new FileJournal.Entry(3, reopened.toString(), 120, false),
        new FileJournal.Entry(4, reopened.toString(), 250, false), // later: ignored
        new FileJournal.Entry(5, created.toString(), -1, false));
    int changed = new RecoveryCut(Map.of(open.toString(), 200L), 3, entries).apply();
    assertThat(changed).isEqualTo(3);
    assertThat(Files.size(open)).isEqualTo(200);
    assertThat(Files.size(reopened)).isEqualTo(120);
    assertThat(created).doesNotExist();
    assertThat(Files.size(older)).isEqualTo(90);
  }

  @Test
  void aFileReplacedAfterTheCheckpointIsCutOnlyWhenLongEnough() throws Exception {
    Path longer = file("longer.txt", 80);
    Path shorter = file("shorter.txt", 20);
    new RecoveryCut(Map.of(), 0, List.of(new FileJournal.Entry(0, longer.toString(), 50, true),
        new FileJournal.Entry(0, shorter.toString(), 50, true))).apply();
    assertThat(Files.size(longer)).isEqualTo(50);
    assertThat(Files.size(shorter)).isEqualTo(20); // the re-run truncates it again before writing
  }

  @Test
  void aFileShorterThanAtTheCheckpointStopsTheCutNamingItAndChangesNothing() throws Exception {
    Path fine = file("fine.txt", 80);
    Path cut = file("cut.txt", 20);
    RecoveryCut c = new RecoveryCut(Map.of(), 0, List.of(new FileJournal.Entry(0, fine.toString(), 50, false),
        new FileJournal.Entry(0, cut.toString(), 30, false)));
    assertThatThrownBy(c::apply).isInstanceOf(RoamException.class)
        .hasMessageStartingWith(cut + " had 30 bytes at the checkpoint and the process wrote it since, but it"
            + " now has only 20 bytes; something else cut it");
    assertThat(Files.size(fine)).isEqualTo(80);
    Files.delete(cut);
    assertThatThrownBy(c::apply).hasMessageStartingWith(cut + " had 30 bytes at the checkpoint and the process"
        + " wrote it since, but it now no longer exists");
  }

  @Test
  void aCaptureRecordsWritableFilesAndTheServiceJournalsEachFileOncePerEpoch() throws Exception {
    Path log = file("log.txt", 10);
    Path in = file("in.txt", 7);
    LocalFileService fs = new LocalFileService(dir.toString());
    FileJournal j = journal();
    fs.journal(j);
    int h = fs.open("log.txt", FileService.WRITE | FileService.APPEND);
    fs.open("in.txt", FileService.READ);
    fs.write(h, new byte[5], 0, 5);
    fs.close(fs.open("log.txt", FileService.WRITE | FileService.APPEND)); // same epoch: known
    ProcessState state = ProcessState.fresh();
    fs.beforeCapture(state);
    Object[] cut = (Object[]) state.resources().get(LocalFileService.CUT_KEY);
    assertThat(cut[0]).isEqualTo(1L);
    assertThat((String[]) cut[1]).containsExactly(log.toString());
    assertThat((long[]) cut[2]).containsExactly(15);
    fs.write(h, new byte[5], 0, 5);
    fs.close(fs.open("log.txt", FileService.WRITE | FileService.APPEND)); // recorded by the capture
    fs.close(fs.open("new.txt", FileService.WRITE | FileService.CREATE | FileService.TRUNCATE));
    fs.copy("in.txt", "copy.txt", false);
    assertThat(j.read()).containsExactly(new FileJournal.Entry(0, log.toString(), 10, false),
        new FileJournal.Entry(1, dir.resolve("new.txt").toString(), -1, true),
        new FileJournal.Entry(1, dir.resolve("copy.txt").toString(), -1, true));
    fs.closeAll();
    assertThat(Files.size(in)).isEqualTo(7);
  }

  @Test
  void withoutAJournalACaptureRecordsNothingAndDropsAStaleRecord() throws Exception {
    file("log.txt", 10);
    LocalFileService fs = new LocalFileService(dir.toString());
    fs.open("log.txt", FileService.WRITE | FileService.APPEND);
    ProcessState state = ProcessState.fresh();
    state.resources().put(LocalFileService.CUT_KEY, new Object[] {4L, new String[0], new long[0]});
    fs.beforeCapture(state); // e.g. a durable node's process resumed by 'roam local resume'
    assertThat(state.resources()).containsOnlyKeys(LocalFileService.RESOURCE_KEY);
    assertThat(dir.resolve("files.journal")).doesNotExist();
    fs.closeAll();
  }

  @Test
  void aRestoredServiceCutsBackOnlyWhenAskedToNotOnAPlainResume() throws Exception {
    Path log = file("log.txt", 10);
    LocalFileService fs = new LocalFileService(dir.toString());
    FileJournal j = journal();
    fs.journal(j);
    int h = fs.open("log.txt", FileService.WRITE | FileService.APPEND);
    fs.write(h, new byte[5], 0, 5);
    ProcessState state = ProcessState.fresh();
    fs.beforeCapture(state); // the checkpoint: log.txt has 15 bytes
    fs.write(h, new byte[6], 0, 6);
    fs.close(fs.open("later.txt", FileService.WRITE | FileService.CREATE | FileService.APPEND));
    fs.closeAll();

    LocalFileService resumed = new LocalFileService("/");
    resumed.restore(state); // a migration: files as the process left them
    assertThat(Files.size(log)).isEqualTo(21);
    assertThat(dir.resolve("later.txt")).exists();
    assertThat(resumed.cutBack(j.read())).isEqualTo(2); // a recovery
    assertThat(Files.size(log)).isEqualTo(15);
    assertThat(dir.resolve("later.txt")).doesNotExist();
    resumed.closeAll();
  }
}
