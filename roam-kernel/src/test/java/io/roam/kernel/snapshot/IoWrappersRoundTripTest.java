package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The java.io wrappers programs put around files keep their buffers across a capture: unflushed
 * output is written after the resume, read-ahead input is read; paths and files are values. Each
 * test runs the same steps on the original and on the decoded copy and compares.
 */
class IoWrappersRoundTripTest {
  private final TestPolicy policy = new TestPolicy();

  @Test
  void unflushedBufferedWriterTextIsWrittenAfterTheResume() throws Exception {
    StringWriter sink = new StringWriter();
    BufferedWriter w = new BufferedWriter(sink);
    w.write("unflushed line\n");
    Object[] back = policy.roundTrip(new Object[] {sink, w});
    w.write("more");
    w.flush();
    ((BufferedWriter) back[1]).write("more");
    ((BufferedWriter) back[1]).flush();
    assertThat(back[0].toString()).isEqualTo(sink.toString()).isEqualTo("unflushed line\nmore");
  }

  @Test
  void printWriterWithFormatterUsedKeepsItsTextAndFormatsAgain() throws Exception {
    StringWriter sink = new StringWriter();
    PrintWriter pw = new PrintWriter(new BufferedWriter(sink));
    pw.printf("%05d|", 42);
    pw.println("line");
    Object[] back = policy.roundTrip(new Object[] {sink, pw});
    for (Object o : new Object[] {pw, back[1]}) {
      ((PrintWriter) o).printf("%x|%s%n", 255, "after");
      ((PrintWriter) o).flush();
    }
    assertThat(back[0].toString()).isEqualTo(sink.toString())
        .isEqualTo("00042|line" + System.lineSeparator() + "ff|after" + System.lineSeparator());
  }

  @Test
  void bufferedInputStreamContinuesWhereItWasAlsoBeforeItsFirstRead() throws Exception {
    byte[] data = new byte[20_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 7);
    }
    BufferedInputStream fresh = new BufferedInputStream(new ByteArrayInputStream(data), 512);
    BufferedInputStream started = new BufferedInputStream(new ByteArrayInputStream(data), 512);
    started.readNBytes(700);
    Object[] back = policy.roundTrip(new Object[] {fresh, started});
    assertThat(((BufferedInputStream) back[0]).readAllBytes()).isEqualTo(fresh.readAllBytes()).isEqualTo(data);
    assertThat(((BufferedInputStream) back[1]).readAllBytes()).isEqualTo(started.readAllBytes()).hasSize(19_300);
  }

  @Test
  void dataStreamsOverBuffersKeepCountsAndBytes() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(sink, 64));
    for (int i = 0; i < 20; i++) {
      out.writeInt(i * 1_000_003);
    }
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(new byte[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 3}));
    in.readInt();
    Object[] back = policy.roundTrip(new Object[] {sink, out, in});
    DataOutputStream out2 = (DataOutputStream) back[1];
    assertThat(out2.size()).isEqualTo(out.size()).isEqualTo(80);
    out.writeLong(-1);
    out.flush();
    out2.writeLong(-1);
    out2.flush();
    assertThat(((ByteArrayOutputStream) back[0]).toByteArray()).isEqualTo(sink.toByteArray()).hasSize(88);
    assertThat(((DataInputStream) back[2]).readInt()).isEqualTo(in.readInt()).isEqualTo(2);
  }

  @Test
  void pathsAndFilesAreValuesKeptRelativeOrAbsolute() throws Exception {
    Object[] values = {Path.of("rel/a.txt"), Path.of("/abs/b"), Path.of(""), new File("x/y.txt"), new File("/z")};
    Object[] back = policy.roundTrip(values);
    assertThat(back).containsExactly(values);
    assertThat(((Path) back[0]).isAbsolute()).isFalse();
  }
}
