package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.snapshot.Fixtures.Node;
import java.util.LinkedList;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Long chains encode and decode without recursion (no StackOverflowError). */
class DeepGraphTest {
  private static final int LENGTH = 100_000;
  private final TestPolicy policy = new TestPolicy();

  @Test
  void processLinkedListOf100000Nodes() throws Exception {
    Node head = new Node(0);
    Node n = head;
    for (int i = 1; i < LENGTH; i++) {
      n.next = new Node(i);
      n = n.next;
    }
    n.next = head;
    Node back = policy.roundTrip(head);
    Node m = back;
    for (int i = 0; i < LENGTH; i++) {
      assertThat(m.value).isEqualTo(i);
      m = m.next;
    }
    assertThat(m).isSameAs(back);
  }

  @Test
  void jdkLinkedListAndTreeMapOf100000() throws Exception {
    LinkedList<Integer> list = new LinkedList<>();
    TreeMap<Integer, Integer> tree = new TreeMap<>();
    for (int i = 0; i < LENGTH; i++) {
      list.add(i);
      tree.put(i, -i);
    }
    Object[] back = policy.roundTrip(new Object[] {list, tree});
    assertThat(back[0]).isEqualTo(list);
    assertThat(back[1]).isEqualTo(tree);
  }

  @Test
  void deeplyNestedArrays() throws Exception {
    Object[] root = new Object[1];
    Object[] cur = root;
    for (int i = 0; i < LENGTH; i++) {
      Object[] next = new Object[1];
      cur[0] = next;
      cur = next;
    }
    Object[] back = policy.roundTrip(root);
    int depth = 0;
    for (Object[] c = back; c[0] != null; c = (Object[]) c[0]) {
      depth++;
    }
    assertThat(depth).isEqualTo(LENGTH);
  }
}
