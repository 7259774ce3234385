package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.kernel.snapshot.Fixtures.Node;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile or mismatched heap sections are refused with a {@link SnapshotFormatException}
 * before any object is created; bad counts never allocate.
 */
class DecodeRefusalTest {
  private final TestPolicy policy = new TestPolicy().canonical("console", new Object());

  /** A stream whose first object is a kernel canonical (so creating objects is observable). */
  private byte[] craft(String className, int kind, String[][] fields) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HeapOutput out = new HeapOutput(bytes);
    out.writeInt(HeapFormat.MAGIC);
    out.writeVarInt(1);
    out.writeString(className);
    out.writeByte(kind);
    if (kind == ClassLayout.Kind.OBJECT.code()) {
      out.writeVarInt(fields.length);
      for (String[] f : fields) {
        for (String s : f) {
          out.writeString(s);
        }
      }
      out.writeByte(0);
    }
    out.writeVarInt(2);
    out.writeVarInt(1);
    out.writeVarInt(HeapFormat.CLASS_POLICY_CANONICAL);
    out.writeString("console");
    out.writeVarInt(HeapFormat.FIRST_CLASS);
    out.writeVarInt(0);
    out.writeInt(HeapFormat.END);
    out.flush();
    return bytes.toByteArray();
  }

  @Test
  void processBuilderIsRefusedBeforeAnythingIsCreated() throws IOException {
    byte[] bytes = craft("java.lang.ProcessBuilder", ClassLayout.Kind.OBJECT.code(),
        new String[][] {{"java.lang.ProcessBuilder", "command", "Ljava/util/List;"}});
    assertThatThrownBy(() -> new HeapCodec(policy).decode(bytes))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("java.lang.ProcessBuilder")
        .hasMessageContaining("not allowed");
    assertThat(policy.canonicalLookups).hasValue(0);
  }

  @Test
  void unknownClassIsRefused() throws IOException {
    byte[] bytes = craft("corpus.DoesNotExist", ClassLayout.Kind.OBJECT.code(), new String[0][]);
    assertThatThrownBy(() -> new HeapCodec(policy).decode(bytes))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("corpus.DoesNotExist named in the snapshot cannot be found");
    assertThat(policy.canonicalLookups).hasValue(0);
  }

  @Test
  void fieldMismatchNamesClassAndField() throws IOException {
    byte[] bytes = craft(Node.class.getName(), ClassLayout.Kind.OBJECT.code(), new String[][] {
        {Node.class.getName(), "next", Node.class.descriptorString()},
        {Node.class.getName(), "payload", "Ljava/lang/Object;"},
        {Node.class.getName(), "value", "J"}});
    assertThatThrownBy(() -> new HeapCodec(policy).decode(bytes))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("class " + Node.class.getName() + " does not match")
        .hasMessageContaining("value (J) in the snapshot but " + Node.class.getName()
            + ".value (I) in this JVM");
    assertThat(policy.canonicalLookups).hasValue(0);
  }

  @Test
  void strategyMismatchIsRefused() throws IOException {
    byte[] bytes = craft("java.util.Random", ClassLayout.Kind.VALUE.code(), null);
    assertThatThrownBy(() -> new HeapCodec(policy).decode(bytes))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("java.util.Random is encoded as VALUE");
  }

  @Test
  void everyTruncationAndEveryFlippedByteFailsCleanly() throws Exception {
    List<Object> graph = new ArrayList<>();
    Node n = new Node(3);
    n.next = n;
    graph.add(n);
    graph.add(new int[] {1, 2, 3});
    graph.add(new Random(1));
    graph.add(new java.util.HashMap<>(java.util.Map.of("k", n)));
    graph.add("text");
    HeapCodec codec = new HeapCodec(policy);
    byte[] good = codec.encode(graph);
    for (int len = 0; len < good.length; len++) {
      byte[] cut = java.util.Arrays.copyOf(good, len);
      assertThatThrownBy(() -> codec.decode(cut)).isInstanceOf(SnapshotFormatException.class);
      // read as it arrives, the section just ends early
      assertThatThrownBy(() -> codec.decode(new java.io.ByteArrayInputStream(cut)))
          .isInstanceOf(SnapshotFormatException.class);
    }
    for (int i = 0; i < good.length; i++) {
      byte[] bad = good.clone();
      bad[i] ^= (byte) 0x5A;
      try {
        codec.decode(bad);
      } catch (SnapshotFormatException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
      try {
        codec.decode(new java.io.ByteArrayInputStream(bad));
      } catch (SnapshotFormatException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Test
  void everyFlippedByteOfIteratorsViewsAndEntriesFailsCleanly() throws Exception {
    java.util.HashMap<Object, Object> map = new java.util.HashMap<>();
    java.util.IdentityHashMap<Object, Object> ident = new java.util.IdentityHashMap<>();
    for (int i = 0; i < 6; i++) {
      map.put("k" + i, i);
      ident.put(new Node(i), "v" + i);
    }
    java.util.Iterator<java.util.Map.Entry<Object, Object>> it = map.entrySet().iterator();
    Object entry = it.next();
    java.util.Iterator<Object> id = ident.values().iterator();
    id.next();
    java.util.Iterator<Object> set = java.util.Set.<Object>of("a", "b", "c").iterator();
    set.next();
    java.util.TreeMap<Object, Object> tree = new java.util.TreeMap<>(map);
    java.util.Iterator<Object> treeIt = tree.keySet().iterator();
    treeIt.next();
    Object[] graph = {map, it, entry, map.keySet(), ident, id, set, tree, treeIt,
        java.util.Map.of("x", 1, "y", 2).keySet().iterator()};
    HeapCodec codec = new HeapCodec(policy);
    byte[] good = codec.encode(graph);
    codec.decode(good);
    for (int i = 0; i < good.length; i++) {
      for (int flip : new int[] {0x5A, 0x01, 0x80}) {
        byte[] bad = good.clone();
        bad[i] ^= (byte) flip;
        try {
          codec.decode(bad);
        } catch (SnapshotFormatException expected) {
          assertThat(expected.getMessage()).isNotBlank();
        }
      }
    }
  }

  @Test
  void hugeCountsDoNotAllocate() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    HeapOutput out = new HeapOutput(bytes);
    out.writeInt(HeapFormat.MAGIC);
    out.writeVarInt(1);
    out.writeString("[J");
    out.writeByte(ClassLayout.Kind.ARRAY.code());
    out.writeVarInt(1);
    out.writeVarInt(1);
    out.writeVarInt(HeapFormat.FIRST_CLASS);
    out.writeVarInt(Integer.MAX_VALUE - 100);
    out.flush();
    assertThatThrownBy(() -> new HeapCodec(policy).decode(bytes.toByteArray()))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("exceeds the");
    HeapLimits small = new HeapLimits(10, 10, 10, 100, 10);
    byte[] many = new HeapCodec(policy).encode(new Object[20]);
    assertThatThrownBy(() -> new HeapCodec(policy, small).decode(many))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining("array length 20 exceeds the limit 10");
  }
}
