package io.roam.kernel.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.roam.kernel.snapshot.Fixtures.AllTypes;
import io.roam.kernel.snapshot.Fixtures.Node;
import io.roam.kernel.snapshot.Fixtures.Shadowing;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round trips of object graphs: identity, sharing, cycles, values and canonical objects. */
class GraphRoundTripTest {
  private final TestPolicy policy = new TestPolicy("hello");

  @Test
  void nullRootAndEmptyArray() throws Exception {
    assertThat(policy.roundTrip((Object) null)).isNull();
    assertThat(policy.roundTrip(new Object[0])).isEmpty();
  }

  @Test
  void sharedReferencesKeepIdentity() throws Exception {
    Node shared = new Node(7);
    Object[] root = {shared, shared, new Node(8)};
    Object[] back = policy.roundTrip(root);
    assertThat(back[0]).isSameAs(back[1]).isNotSameAs(back[2]);
    assertThat(((Node) back[0]).value).isEqualTo(7);
  }

  @Test
  void cyclesComeBack() throws Exception {
    Node a = new Node(1);
    Node b = new Node(2);
    a.next = b;
    b.next = a;
    Object[] self = new Object[1];
    self[0] = self;
    Object[] back = policy.roundTrip(new Object[] {a, self});
    Node a2 = (Node) back[0];
    assertThat(a2.next.next).isSameAs(a2);
    assertThat(a2.next.value).isEqualTo(2);
    Object[] self2 = (Object[]) back[1];
    assertThat(self2[0]).isSameAs(self2);
  }

  @Test
  void everyPrimitiveFieldAndTransientOnes() throws Exception {
    AllTypes t = new AllTypes();
    t.z = true;
    t.b = -3;
    t.s = 31000;
    t.c = '\u20ac';
    t.i = -123456789;
    t.j = Long.MIN_VALUE + 5;
    t.f = Float.MIN_VALUE;
    t.d = -0.0;
    t.cached = 42;
    t.name = "x";
    t.any = t;
    t.ints = new int[] {1, 2, 3};
    AllTypes u = policy.roundTrip(t);
    assertThat(u).usingRecursiveComparison().ignoringFields("any").isEqualTo(t);
    assertThat(u.any).isSameAs(u);
    assertThat(Double.doubleToRawLongBits(u.d)).isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void shadowedFieldsAreKeptApart() throws Exception {
    Shadowing s = new Shadowing();
    s.i = 1;
    ((AllTypes) s).i = 2;
    Shadowing back = policy.roundTrip(s);
    assertThat(back.i).isEqualTo(1);
    assertThat(((AllTypes) back).i).isEqualTo(2);
  }

  @Test
  void primitiveArraysOfEveryType() throws Exception {
    Object[] root = {
      new boolean[] {true, false, true}, new byte[] {1, -1}, new short[] {-2, 3},
      new char[] {'a', '\uffff'}, new int[] {Integer.MIN_VALUE, 0}, new long[] {Long.MAX_VALUE},
      new float[] {1.5f, Float.NEGATIVE_INFINITY}, new double[] {Math.PI, Double.MIN_VALUE},
      new int[0][], new int[][] {{1}, {2, 3}}, new String[] {"a", null}
    };
    assertThat(java.util.Arrays.deepEquals(policy.roundTrip(root), root)).isTrue();
  }

  @Test
  void largeArraysSpanBuffers() throws Exception {
    double[] d = new double[300_000];
    char[] c = new char[200_001];
    for (int i = 0; i < d.length; i++) {
      d[i] = i * 0.5;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] = (char) i;
    }
    Object[] back = policy.roundTrip(new Object[] {d, c});
    assertThat((double[]) back[0]).isEqualTo(d);
    assertThat((char[]) back[1]).isEqualTo(c);
  }

  @Test
  void stringsKeepContentAndLiteralInterning() throws Exception {
    String literal = "hello";
    String copy = new String("hello");
    String surrogate = "a\ud800b\u00e9\u4e2d";
    Object[] back = policy.roundTrip(new Object[] {literal, copy, surrogate, copy});
    assertThat(back[0]).isSameAs("hello");
    assertThat(back[1]).isEqualTo("hello").isNotSameAs("hello");
    assertThat(back[3]).isSameAs(back[1]);
    assertThat(back[2]).isEqualTo(surrogate);
  }

  @Test
  void boxesUseTheCachesOfTheNewJvm() throws Exception {
    Object[] root = {Integer.valueOf(5), Long.valueOf(-1), Short.valueOf((short) 9),
        Byte.valueOf((byte) 1), Character.valueOf('x'), Boolean.TRUE, Boolean.FALSE,
        Integer.valueOf(100_000), 2.5f, 2.5d};
    Object[] back = policy.roundTrip(root);
    assertThat(back).isEqualTo(root);
    for (int i = 0; i < 7; i++) {
      assertThat(back[i]).isSameAs(root[i]);
    }
  }

  @Test
  void bigNumbers() throws Exception {
    Object[] root = {new BigInteger("-123456789012345678901234567890"), BigInteger.ZERO,
        new BigDecimal("-3.14159265358979323846264338327950288"), BigDecimal.valueOf(1, -5)};
    assertThat(policy.roundTrip(root)).isEqualTo(root);
  }

  @Test
  void classObjects() throws Exception {
    Object[] root = {int.class, String.class, int[][].class, Node[].class, Node.class, void.class};
    Object[] back = policy.roundTrip(root);
    for (int i = 0; i < root.length; i++) {
      assertThat(back[i]).isSameAs(root[i]);
    }
  }

  @Test
  void kernelCanonicalObjectsAreReboundByName() throws Exception {
    PrintStream console = new PrintStream(new ByteArrayOutputStream());
    PrintStream newConsole = new PrintStream(new ByteArrayOutputStream());
    byte[] bytes = new HeapCodec(new TestPolicy().canonical("console.out", console))
        .encode(new Object[] {console, console});
    Object[] back = (Object[]) new HeapCodec(new TestPolicy().canonical("console.out", newConsole))
        .decode(bytes);
    assertThat(back[0]).isSameAs(newConsole);
    assertThat(back[1]).isSameAs(newConsole);
  }

  @Test
  void referenceArraysKeepTheirComponentType() throws Exception {
    Node[] nodes = {new Node(1), null};
    List<Object> list = new ArrayList<>();
    list.add(nodes);
    List<Object> back = policy.roundTrip(list);
    assertThat(back.get(0)).isInstanceOf(Node[].class);
    assertThat(((Node[]) back.get(0))[0].value).isEqualTo(1);
  }
}
