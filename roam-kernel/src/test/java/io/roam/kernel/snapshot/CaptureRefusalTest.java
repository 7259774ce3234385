package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.kernel.snapshot.Fixtures.Holder;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Objects that cannot move are refused at capture, naming the class and the path to them. */
class CaptureRefusalTest {
  private final HeapCodec codec = new HeapCodec(new TestPolicy());

  @Test
  void socketInAListIsRefusedWithItsPath() {
    Holder h = new Holder();
    h.list = new ArrayList<>(List.of("a", "b"));
    h.list.add(new Socket());
    Object[] root = {null, null, null, h};
    assertThatThrownBy(() -> codec.encode(root))
        .isInstanceOf(SnapshotCaptureException.class)
        .hasMessageContaining("java.net.Socket")
        .satisfies(e -> assertThat(((SnapshotCaptureException) e).path()).isEqualTo(
            "root[3] -> io.roam.kernel.snapshot.Fixtures$Holder.list"
                + " -> java.util.ArrayList.elementData[2] -> java.net.Socket"));
  }

  @Test
  void threadIsRefused() {
    Holder h = new Holder(Thread.currentThread());
    assertThatThrownBy(() -> codec.encode(h))
        .isInstanceOf(SnapshotCaptureException.class)
        .hasMessageContaining("java.lang.Thread")
        .hasMessageContaining("root -> io.roam.kernel.snapshot.Fixtures$Holder.value -> java.lang.Thread");
  }

  @Test
  void lambdaIsRefused() {
    Supplier<String> s = () -> "x";
    assertThatThrownBy(() -> codec.encode(new Holder(s)))
        .isInstanceOf(SnapshotCaptureException.class)
        .hasMessageContaining("hidden class");
  }

  @Test
  void disallowedJdkSubclassAndValueInAMap() {
    HashMap<String, Object> m = new HashMap<>();
    m.put("props", new Properties());
    assertThatThrownBy(() -> codec.encode(m))
        .isInstanceOf(SnapshotCaptureException.class)
        .hasMessageContaining("java.util.Properties")
        .hasMessageContaining("root -> java.util.HashMap{value #0} -> java.util.Properties");
  }

  @Test
  void reversedSynchronizedListIsRefusedWhereItExists() throws Exception {
    List<Object> sync = Collections.synchronizedList(new ArrayList<>(List.of(1)));
    codec.encode(sync);
    if (Runtime.version().feature() >= 21) {
      Object reversed = List.class.getMethod("reversed").invoke(sync);
      assertThatThrownBy(() -> codec.encode(reversed))
          .isInstanceOf(SnapshotCaptureException.class)
          .hasMessageContaining("isReversed");
    }
  }
}
