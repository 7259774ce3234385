package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roam.kernel.snapshot.Fixtures.AppException;
import io.roam.kernel.snapshot.Fixtures.Color;
import io.roam.kernel.snapshot.Fixtures.Counted;
import io.roam.kernel.snapshot.Fixtures.Dice;
import io.roam.kernel.snapshot.Fixtures.Holder;
import io.roam.kernel.snapshot.Fixtures.IdKey;
import io.roam.kernel.snapshot.Fixtures.NamedList;
import io.roam.kernel.snapshot.Fixtures.TaggedSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Process classes (the nested classes of {@link Fixtures}) are copied field by field, without
 * constructors, including the part of an allowed JDK superclass they extend.
 */
class ProcessClassTest {
  private final TestPolicy policy = new TestPolicy();

  @Test
  void subclassOfArrayList() throws Exception {
    NamedList l = new NamedList();
    l.title = "t";
    l.add(l);
    l.add("x");
    NamedList back = policy.roundTrip(l);
    assertThat(back.title).isEqualTo("t");
    assertThat(back.get(0)).isSameAs(back);
    assertThat(back.get(1)).isEqualTo("x");
    back.add("more");
    assertThat(back).hasSize(3);
  }

  @Test
  void subclassOfRuntimeExceptionKeepsMessageCodeAndStack() throws Exception {
    AppException e = new AppException("bad input", 42);
    AppException back = policy.roundTrip(e);
    assertThat(back.getMessage()).isEqualTo("bad input");
    assertThat(back.code).isEqualTo(42);
    assertThat(back.getStackTrace()).isEqualTo(e.getStackTrace());
    assertThat(back.getCause()).isNull();
  }

  @Test
  void subclassOfRandomContinuesTheSameSequence() throws Exception {
    Dice d = new Dice(99);
    d.nextInt();
    Dice back = policy.roundTrip(d);
    assertThat(back.sides).isEqualTo(6);
    assertThat(back.nextInt(1000)).isEqualTo(d.nextInt(1000));
    assertThat(back.nextGaussian()).isEqualTo(d.nextGaussian());
  }

  @Test
  void processEnumIsCopiedByFieldUnlessTheKernelCanonicalisesIt() throws Exception {
    Color copy = policy.roundTrip(Color.GREEN);
    assertThat(copy.name()).isEqualTo("GREEN");
    assertThat(copy.ordinal()).isEqualTo(1);
    assertThat(copy).isNotSameAs(Color.GREEN);
    TestPolicy canonical = new TestPolicy().canonical("Color.GREEN", Color.GREEN);
    assertThat(canonical.roundTrip(Color.GREEN)).isSameAs(Color.GREEN);
  }

  @Test
  void subclassOfHashSetKeepsIdentityElements() throws Exception {
    TaggedSet s = new TaggedSet();
    s.tag = "tagged";
    IdKey k = new IdKey("k");
    s.add(k);
    Object[] back = policy.roundTrip(new Object[] {k, s});
    TaggedSet s2 = (TaggedSet) back[1];
    assertThat(s2.tag).isEqualTo("tagged");
    assertThat(s2.contains(back[0])).isTrue();
    assertThat(s2.adds).isEqualTo(1);
  }

  @Test
  void constructorsDoNotRunOnDecode() throws Exception {
    Counted c = new Counted();
    int before = Counted.constructed;
    Counted back = policy.roundTrip(c);
    assertThat(Counted.constructed).isEqualTo(before);
    assertThat(back.serial).isEqualTo(c.serial);
  }

  @Test
  void classValueOfAHiddenClassIsRefusedAtCapture() {
    Runnable r = () -> { };
    Holder h = new Holder(r.getClass());
    assertThatThrownBy(() -> new HeapCodec(policy).encode(h))
        .isInstanceOf(SnapshotCaptureException.class)
        .hasMessageContaining("hidden class");
  }

  @Test
  void listFieldsOfProcessObjects() throws Exception {
    Holder h = new Holder("v");
    h.list = List.of(h, "w");
    Holder back = policy.roundTrip(h);
    assertThat(back.list).containsExactly(back, "w");
  }
}
