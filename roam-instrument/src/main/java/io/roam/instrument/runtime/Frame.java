package io.roam.instrument.runtime;

/**
 * One captured activation of an instrumented method: the resume site and the values of its
 * locals and operand stack, split into primitives (as raw 64-bit patterns) and references.
 *
 * <p>Contract with instrumented code (keep in sync with {@code ContinuationTransformer}): while
 * unwinding, the code pushes the operand stack from top to bottom, then the locals from the lowest
 * slot to the highest, then sets {@link #self}. While rewinding it pops in exactly the reverse
 * order, so the locals come back from the highest slot down and the operand stack from bottom to
 * top. Not thread-safe; owned by one {@link Continuation}.
 */
public final class Frame {
  /** Class, method name and descriptor of the activation, e.g. {@code a/B.run(I)V}. */
  public final String method;
  /** Index of the resume site inside that method, as assigned by the instrumenter. */
  public final int site;
  /** Receiver of the activation, or null for a static method; the caller re-invokes on it. */
  public Object self;
  /** Primitive slots as raw bits. */
  long[] prims;
  /** Reference slots. */
  Object[] refs;
  /** Number of used entries in {@link #prims}. */
  int primCount;
  /** Number of used entries in {@link #refs}. */
  int refCount;

  /** Creates an empty frame with room for the given number of values. */
  public Frame(String method, int site, int primCapacity, int refCapacity) {
    this.method = method;
    this.site = site;
    this.prims = new long[primCapacity];
    this.refs = new Object[refCapacity];
  }

  /** Creates a frame from decoded snapshot data. */
  public Frame(String method, int site, Object self, long[] prims, Object[] refs) {
    this(method, site, 0, 0);
    this.self = self;
    this.prims = prims;
    this.refs = refs;
    this.primCount = prims.length;
    this.refCount = refs.length;
  }

  /** Primitive values in push order (a copy). */
  public long[] prims() {
    return java.util.Arrays.copyOf(prims, primCount);
  }

  /** Reference values in push order (a copy). */
  public Object[] refs() {
    return java.util.Arrays.copyOf(refs, refCount);
  }

  private void growPrims() {
    prims = java.util.Arrays.copyOf(prims, Math.max(4, prims.length * 2));
  }

  private void growRefs() {
    refs = java.util.Arrays.copyOf(refs, Math.max(4, refs.length * 2));
  }

  public void pushI(int v) {
    pushJ(v);
  }

  public void pushF(float v) {
    pushJ(Float.floatToRawIntBits(v));
  }

  public void pushD(double v) {
    pushJ(Double.doubleToRawLongBits(v));
  }

  public void pushJ(long v) {
    if (primCount == prims.length) {
      growPrims();
    }
    prims[primCount++] = v;
  }

  public void pushA(Object v) {
    if (refCount == refs.length) {
      growRefs();
    }
    refs[refCount++] = v;
  }

  public int popI() {
    return (int) popJ();
  }

  public float popF() {
    return Float.intBitsToFloat((int) popJ());
  }

  public double popD() {
    return Double.longBitsToDouble(popJ());
  }

  public long popJ() {
    if (primCount == 0) {
      throw new CaptureStateException("frame " + method + " site " + site + " has no primitive left");
    }
    return prims[--primCount];
  }

  public Object popA() {
    if (refCount == 0) {
      throw new CaptureStateException("frame " + method + " site " + site + " has no reference left");
    }
    Object v = refs[--refCount];
    refs[refCount] = null;
    return v;
  }

  @Override
  public String toString() {
    return method + "@" + site + " (" + primCount + " prims, " + refCount + " refs)";
  }
}
