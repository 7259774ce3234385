package io.roam.instrument.rewrite;

import static org.objectweb.asm.Opcodes.*;

import io.roam.instrument.ClassHierarchy;
import io.roam.instrument.analysis.MethodAnalysis;
import io.roam.instrument.runtime.ContextClass;
import io.roam.instrument.runtime.Continuation;
import io.roam.instrument.runtime.Frame;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Makes one method capturable by unwinding and restorable by rewinding (see DESIGN.md, "State
 * capture", and {@link ContextClass} for the runtime contract; keep in sync with {@link Frame}).
 *
 * <p>Resume <em>sites</em> of a method, numbered in instruction order:
 * <ul>
 *   <li>call sites that may reach process code, at points that are safe (no monitor held, no
 *       uninitialized object in the frame): after the call, {@code if (Ctx.mode != 0)} the frame is
 *       saved and the method returns a dummy value;
 *   <li>loop heads (targets of backward jumps), safe as above: a poll, strip-mined like the JIT's
 *       own safepoint polls: a counter in a local, and only once per {@link #CHUNK} (or, in loops
 *       that call, {@link #CALL_CHUNK}) iterations a volatile read of the request;
 *   <li>when the method has no loop but has call sites: one poll at entry (covers recursion).
 * </ul>
 * At entry, {@code if (Ctx.mode == REWINDING)} a dispatch reloads the frame of the site the method
 * was captured at and jumps back into it. Call sites not safe are left as they are; the kernel's
 * stack check refuses a capture while such a call is on the stack (see {@link #safeInvokes}).
 */
public final class ContinuationTransformer {
  /** Iterations between two polls of a loop that makes no call. */
  public static final int CHUNK = 1024;
  /** Iterations between two polls of a loop that makes calls (each iteration costs more). */
  public static final int CALL_CHUNK = 64;

  private static final String CTX = ContextClass.INTERNAL_NAME;
  /** Blocking context calls that may unwind (threads, monitors; see ThreadCallRedirector). */
  private static final Set<String> BLOCKING_CALLS = Set.of("monitorEnter", "monitorEnterLeaf", "objectWait", "threadJoin",
      "roamReceive", "roamFork", "roamCheckpoint");
  private static final String CONT = Type.getInternalName(Continuation.class);
  private static final String FRAME = Type.getInternalName(Frame.class);

  private final ClassHierarchy hierarchy;
  private final ClassNode owner;
  private final MethodNode method;
  private final String key;
  private final boolean isStatic;
  private MethodAnalysis analysis;
  private int frameLocal;
  private int counterLocal;
  /** In a twin: the site being rewound to while the dispatch routes through loop heads, or -1. */
  private int routeLocal = -1;
  /** Loops of the method by head index (set by {@link #loopPolls}). */
  private java.util.Map<Integer, Loop> loopsByHead = java.util.Map.of();
  /** Invoke instructions that are resume sites (calls and polls), in the final code. */
  private final Set<MethodInsnNode> safeInvokes = new LinkedHashSet<>();

  /** When not null: this method's entry forwards a rewind to its twin through this call. */
  private MethodInsnNode forwardTo;
  /** True for a twin: entered only to rewind, its body is reached only through restore blocks. */
  private boolean rewindOnly;

  private ContinuationTransformer(ClassHierarchy hierarchy, ClassNode owner, MethodNode method, String key,
      boolean instance) {
    this.hierarchy = hierarchy;
    this.owner = owner;
    this.method = method;
    this.key = key;
    this.isStatic = !instance;
  }

  /** Infix of the name of the rewind twin of a method. */
  public static final String TWIN_INFIX = "$roam$r$";

  /**
   * Rewrites {@code method} in place and returns its resume-site invokes by method (name +
   * descriptor), empty when the method was left as it is (nothing capturable, or not analysable).
   *
   * <p>The JIT optimizes a loop poorly when a second entry leads into it, and a rewind must jump
   * into the middle of loops. So a method of a class is split in two: the method itself keeps its
   * shape (plus polls and unwinding) and, when entered while rewinding, calls its <em>twin</em>
   * {@code static name$roam$r$N()}, a copy of it that starts with the rewind dispatch and takes
   * every local, {@code this} included, from the captured frame. Both save frames under the
   * method's key with the same site numbers, so a frame saved by either resumes in the twin. The
   * twin is added to {@code owner}; {@code ordinal} makes its name unique. Interface methods are
   * not split.
   */
  public static Map<String, Set<MethodInsnNode>> transform(ClassHierarchy hierarchy, ClassNode owner,
      MethodNode method, int ordinal) {
    String key = key(owner.name, method.name, method.desc);
    boolean instance = (method.access & ACC_STATIC) == 0;
    boolean split = (owner.access & ACC_INTERFACE) == 0;
    MethodNode twin = split ? MethodCopier.copy(method, method.name, method.access) : null;
    String twinName = method.name + TWIN_INFIX + ordinal;
    String twinDesc = "()" + Type.getReturnType(method.desc).getDescriptor();
    ContinuationTransformer t = new ContinuationTransformer(hierarchy, owner, method, key, instance);
    if (twin != null) {
      t.forwardTo = new MethodInsnNode(INVOKESTATIC, owner.name, twinName, twinDesc, false);
    }
    Set<MethodInsnNode> safe = t.apply();
    if (safe.isEmpty() || twin == null) {
      return safe.isEmpty() ? Map.of() : Map.of(method.name + method.desc, safe);
    }
    ContinuationTransformer tt = new ContinuationTransformer(hierarchy, owner, twin, key, instance);
    tt.rewindOnly = true;
    Set<MethodInsnNode> twinSafe = tt.apply();
    twin.name = twinName;
    twin.desc = twinDesc;
    twin.access = ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC | (method.access & ACC_STRICT);
    twin.localVariables = null;
    twin.signature = null;
    owner.methods.add(twin);
    return Map.of(method.name + method.desc, safe, twin.name + twin.desc, twinSafe);
  }

  private Set<MethodInsnNode> apply() {
    if (!eligible()) {
      return Set.of();
    }
    try {
      analysis = MethodAnalysis.of(hierarchy, owner, method);
    } catch (AnalyzerException | RuntimeException e) {
      return Set.of();
    }
    run();
    return safeInvokes;
  }

  /** Method key as stored in captured frames. */
  public static String key(String owner, String name, String desc) {
    return owner + "." + name + desc;
  }

  private boolean eligible() {
    if ((method.access & (ACC_ABSTRACT | ACC_NATIVE)) != 0 || method.instructions.size() == 0) {
      return false;
    }
    if (method.name.equals("<init>") || method.name.equals("<clinit>")) {
      return false;
    }
    if ((method.access & ACC_SYNCHRONIZED) != 0) {
      return false;
    }
    if (!isStatic) {
      for (AbstractInsnNode i : method.instructions) {
        if (i instanceof VarInsnNode v && v.var == 0 && v.getOpcode() == ASTORE) {
          return false; // 'this' reassigned: the receiver could not be recovered on rewind
        }
      }
    }
    return true;
  }

  /** One resume site. */
  private static final class Site {
    final int index;
    final AbstractInsnNode at;
    final org.objectweb.asm.tree.analysis.Frame<BasicValue> frame;
    final int stackDepth;
    final boolean call;
    /** Loop iterations between polls, or 0 for a poll on every pass (method entry). */
    final int chunk;
    final LabelNode invokeLabel = new LabelNode();
    /**
     * In a twin, for a loop poll nested in other loops: the heads of the loops to pass through,
     * outermost first, ending with the site's own loop head (see {@link #route}).
     */
    List<LabelNode> route = List.of();
    /** The analysed frames at the heads of {@link #route}. */
    List<org.objectweb.asm.tree.analysis.Frame<BasicValue>> routeFrames = List.of();
    /** Per hop after the first: stores typed placeholders, then jumps to the next head. */
    final List<LabelNode> hops = new ArrayList<>();
    final LabelNode landing = new LabelNode();
    final LabelNode resume = new LabelNode();
    final LabelNode unwind = new LabelNode();
    final LabelNode restore = new LabelNode();

    Site(int index, AbstractInsnNode at, org.objectweb.asm.tree.analysis.Frame<BasicValue> frame,
        int stackDepth, boolean call, int chunk) {
      this.index = index;
      this.at = at;
      this.frame = frame;
      this.stackDepth = stackDepth;
      this.call = call;
      this.chunk = chunk;
    }
  }

  private void run() {
    List<Site> sites = findSites();
    if (sites.isEmpty()) {
      return;
    }
    frameLocal = method.maxLocals;
    counterLocal = method.maxLocals + 1;
    method.maxLocals += 2;
    boolean routed = rewindOnly && sites.stream().anyMatch(x -> !x.route.isEmpty());
    if (routed) {
      routeLocal = method.maxLocals++;
    }
    InsnList tail = new InsnList();
    for (Site s : sites) {
      if (s.call) {
        instrumentCall(s);
      } else {
        instrumentPoll(s);
      }
      tail.add(unwindBlock(s));
      if (forwardTo == null) {
        tail.add(restoreBlock(s));
      }
    }
    if (routed) {
      insertRouters(sites);
    }
    method.instructions.insert(forwardTo == null ? entry(sites) : forwardingEntry(sites));
    method.instructions.add(tail);
  }

  /** At every loop head on a route: pass a rewind being routed on to its next hop. */
  private void insertRouters(List<Site> sites) {
    java.util.Map<LabelNode, java.util.TreeMap<Integer, LabelNode>> hops = new java.util.LinkedHashMap<>();
    for (Site s : sites) {
      for (int h = 0; h < s.route.size(); h++) {
        LabelNode next = h + 1 < s.route.size() ? s.hops.get(h) : s.landing;
        hops.computeIfAbsent(s.route.get(h), k -> new java.util.TreeMap<>()).put(s.index, next);
      }
    }
    hops.forEach((head, next) -> {
      // emits: if (route >= 0) switch (route) { case k: goto next_k; }  (falls through otherwise)
      InsnList il = new InsnList();
      LabelNode skip = new LabelNode();
      il.add(new VarInsnNode(ILOAD, routeLocal));
      il.add(new JumpInsnNode(IFLT, skip));
      il.add(new VarInsnNode(ILOAD, routeLocal));
      int[] keys = next.keySet().stream().mapToInt(Integer::intValue).toArray();
      il.add(new org.objectweb.asm.tree.LookupSwitchInsnNode(skip, keys,
          next.values().toArray(LabelNode[]::new)));
      il.add(skip);
      method.instructions.insert(head, il);
    });
  }

  /** A natural loop as javac lays it out: head label index and its last back-edge index. */
  private record Loop(int head, int end) {
    boolean contains(Loop o) {
      return o != this && head <= o.head && o.end <= end && (head != o.head || end != o.end);
    }
  }

  /**
   * Chooses the poll of every loop head (see the class comment): no poll in an innermost,
   * call-free counted loop nested in another loop (the enclosing loop polls on each of its
   * iterations, so such a loop delays a capture by at most one of its runs, and stays a clean
   * counted loop for the JIT); a poll on every pass in loops that contain loops; a strip-mined
   * poll elsewhere. Returns head index to chunk (0 = every pass), absent = no poll.
   */
  private java.util.Map<Integer, Integer> loopPolls(InsnList insns) {
    java.util.Map<Integer, Loop> byHead = new java.util.TreeMap<>();
    for (int i = 0; i < insns.size(); i++) {
      for (LabelNode target : jumpTargets(insns.get(i))) {
        int t = insns.indexOf(target);
        if (t <= i) {
          Loop old = byHead.get(t);
          byHead.put(t, new Loop(t, old == null ? i : Math.max(old.end, i)));
        }
      }
    }
    loopsByHead = byHead;
    java.util.Map<Integer, Integer> polls = new java.util.HashMap<>();
    for (Loop l : byHead.values()) {
      boolean hasInner = byHead.values().stream().anyMatch(l::contains);
      boolean nested = byHead.values().stream().anyMatch(o -> o.contains(l));
      boolean calls = containsCall(insns, l.head, l.end);
      if (hasInner) {
        polls.put(l.head, 0);
      } else if (calls) {
        polls.put(l.head, CALL_CHUNK);
      } else if (!(nested && counted(insns, l))) {
        polls.put(l.head, CHUNK);
      }
    }
    return polls;
  }

  /**
   * An {@code int} variable stepped in the loop ({@code iinc}, or {@code iadd}/{@code isub}/shift
   * then {@code istore}) and an {@code int} comparison: the shape of a loop over an index range.
   */
  private static boolean counted(InsnList insns, Loop l) {
    boolean step = false;
    boolean compare = false;
    for (int k = l.head; k <= l.end; k++) {
      AbstractInsnNode i = insns.get(k);
      int op = i.getOpcode();
      step |= i instanceof IincInsnNode
          || (op == ISTORE && k > 0 && isIntStep(insns.get(k - 1).getOpcode()));
      compare |= op >= IF_ICMPEQ && op <= IF_ICMPLE;
    }
    return step && compare;
  }

  private static boolean isIntStep(int op) {
    return op == IADD || op == ISUB || op == ISHL || op == ISHR || op == IUSHR;
  }

  /** The label of the method-entry poll, if the method has one. */
  private LabelNode entryPoll;

  private List<Site> findSites() {
    InsnList insns = method.instructions;
    java.util.Map<Integer, Integer> polls = loopPolls(insns);
    List<Site> sites = new ArrayList<>();
    boolean anyCall = false;
    for (int i = 0; i < insns.size(); i++) {
      AbstractInsnNode insn = insns.get(i);
      var f = analysis.frame(i);
      if (f == null || analysis.inMonitor(i)) {
        continue;
      }
      if (insn instanceof LabelNode && polls.containsKey(i) && MethodAnalysis.initialized(f, f.getStackSize())) {
        Site site = new Site(sites.size(), insn, f, f.getStackSize(), false, polls.get(i));
        if (rewindOnly) {
          route(site, insns, i);
        }
        sites.add(site);
      } else if (insn instanceof MethodInsnNode m && mayReachProcessCode(m)) {
        int depth = f.getStackSize() - argSlots(m);
        if (MethodAnalysis.initialized(f, f.getStackSize())) {
          sites.add(new Site(sites.size(), insn, f, depth, true, 0));
          // the entry poll bounds time to safe point in recursion without loops; a virtual
          // system call does not recurse into process code (a leaf synchronized method keeps
          // no poll for its monitor call)
          anyCall |= !m.owner.equals(CTX);
        }
      }
    }
    boolean anyPoll = sites.stream().anyMatch(s -> !s.call);
    if (anyCall && !anyPoll) {
      AbstractInsnNode first = insns.getFirst();
      LabelNode start = new LabelNode();
      entryPoll = start;
      insns.insert(start);
      List<Site> withEntry = new ArrayList<>();
      withEntry.add(new Site(0, start, analysis.frame(0), 0, false, 0));
      for (Site s : sites) {
        withEntry.add(new Site(s.index + 1, s.at, s.frame, s.stackDepth, s.call, s.chunk));
      }
      assert first != null;
      return withEntry;
    }
    return sites;
  }

  /**
   * The route of a twin's rewind to the loop poll at head index {@code at}: the heads of the loops
   * enclosing it, outermost first, then its own head. Jumping straight from the dispatch to an
   * inner loop's head would enter the enclosing loops in their middle, making them irreducible,
   * and C2 does not optimise irreducible loops; a twin entered again and again (a process
   * preempted every slice) is compiled as a whole and ran at 0.6 of its speed. Passing head by
   * head keeps every loop single-entry (the site's own loop too: its resume point lies after its
   * poll). Empty (jump straight) when the site has a non-empty stack, or a local whose type at an
   * enclosing head differs from its type at the site (the routed path carries the site's locals
   * through that head).
   */
  private void route(Site site, InsnList insns, int at) {
    if (site.frame.getStackSize() != 0) {
      return;
    }
    List<LabelNode> heads = new ArrayList<>();
    List<org.objectweb.asm.tree.analysis.Frame<BasicValue>> frames = new ArrayList<>();
    for (Loop l : loopsByHead.values()) { // ascending head: outermost first
      if (l.head < at && at <= l.end) {
        heads.add((LabelNode) insns.get(l.head));
        frames.add(analysis.frame(l.head));
      }
    }
    // Even alone, the site's own loop is entered at its head: the resume point lies after the poll.
    heads.add((LabelNode) insns.get(at));
    frames.add(site.frame);
    for (var f : frames) {
      if (f == null || !MethodAnalysis.initialized(f, 0) || hasUninitializedLocal(f)) {
        return;
      }
    }
    site.route = heads;
    site.routeFrames = frames;
    for (int i = 1; i < heads.size(); i++) {
      site.hops.add(new LabelNode());
    }
  }

  private static boolean hasUninitializedLocal(org.objectweb.asm.tree.analysis.Frame<BasicValue> f) {
    for (int i = 0; i < f.getLocals(); i++) {
      BasicValue v = f.getLocal(i);
      if (saved(v) && v.getType().getSort() == Type.OBJECT && v.getType().getInternalName().startsWith("uninitialized")) {
        return true;
      }
    }
    return false;
  }

  /**
   * emits: for every local the analysis types at a loop head: local = 0 / 0L / 0.0 / null; — the
   * routed path passes the head with the head's local types (the verifier merges them with the
   * loop's other entries); the real values are reloaded at the landing.
   */
  private static InsnList placeholders(org.objectweb.asm.tree.analysis.Frame<BasicValue> f) {
    InsnList il = new InsnList();
    for (int i = 0; i < f.getLocals(); i++) {
      BasicValue v = f.getLocal(i);
      if (!saved(v)) {
        continue;
      }
      Type t = v.getType();
      il.add(zero(t));
      il.add(new VarInsnNode(t.getOpcode(ISTORE), i));
    }
    return il;
  }

  private static boolean containsCall(InsnList insns, int from, int to) {
    for (int k = from; k <= to; k++) {
      int op = insns.get(k).getOpcode();
      if (op >= INVOKEVIRTUAL && op <= INVOKEDYNAMIC) {
        return true;
      }
    }
    return false;
  }

  private static List<LabelNode> jumpTargets(AbstractInsnNode insn) {
    if (insn instanceof JumpInsnNode j) {
      return List.of(j.label);
    }
    if (insn instanceof TableSwitchInsnNode t) {
      List<LabelNode> r = new ArrayList<>(t.labels);
      r.add(t.dflt);
      return r;
    }
    if (insn instanceof LookupSwitchInsnNode l) {
      List<LabelNode> r = new ArrayList<>(l.labels);
      r.add(l.dflt);
      return r;
    }
    return List.of();
  }

  /** Number of operand stack entries the call consumes (receiver included). */
  private static int argSlots(MethodInsnNode m) {
    return Type.getArgumentTypes(m.desc).length + (m.getOpcode() == INVOKESTATIC ? 0 : 1);
  }

  /**
   * True when the call may run instrumented code that captures: any call on a process class,
   * virtual and interface calls on platform types that are not final (process classes may
   * implement them), and the resumable virtual system calls.
   */
  private boolean mayReachProcessCode(MethodInsnNode m) {
    if (m.owner.equals(CTX)) {
      return m.name.equals("sleep") || m.name.equals("yield")
          || BLOCKING_CALLS.contains(m.name);
    }
    if (m.name.equals("<init>") || m.owner.startsWith("[")) {
      return false;
    }
    ClassHierarchy.Info info = hierarchy.info(m.owner);
    if (info == null) {
      return false;
    }
    if (info.isProcess()) {
      return true;
    }
    int op = m.getOpcode();
    return (op == INVOKEVIRTUAL || op == INVOKEINTERFACE) && !info.isFinal()
        && !m.owner.startsWith("io/roam/");
  }

  // ---------------------------------------------------------------- emitted code

  private InsnList entry(List<Site> sites) {
    InsnList il = new InsnList();
    LabelNode body = new LabelNode();
    LabelNode bad = new LabelNode();
    if (sites.stream().anyMatch(s -> s.chunk > 0)) {
      // emits: counter = CHUNK;
      il.add(new IntInsnNode(SIPUSH, CHUNK));
      il.add(new VarInsnNode(ISTORE, counterLocal));
    }
    // emits: if (Ctx.mode == REWINDING) { Frame f = Continuation.next(Ctx.cont, KEY); switch (f.site) {...} }
    // (a twin dispatches unconditionally: it is only ever entered to rewind)
    if (!rewindOnly) {
      il.add(new FieldInsnNode(GETSTATIC, CTX, "mode", "I"));
      il.add(new InsnNode(ICONST_2));
      il.add(new JumpInsnNode(IF_ICMPNE, body));
    }
    if (routeLocal >= 0) {
      // emits: route = -1;
      il.add(new InsnNode(ICONST_M1));
      il.add(new VarInsnNode(ISTORE, routeLocal));
    }
    il.add(new FieldInsnNode(GETSTATIC, CTX, "cont", "L" + CONT + ";"));
    il.add(new LdcInsnNode(key));
    il.add(new MethodInsnNode(INVOKESTATIC, CONT, "next",
        "(L" + CONT + ";Ljava/lang/String;)L" + FRAME + ";", false));
    il.add(new VarInsnNode(ASTORE, frameLocal));
    il.add(new VarInsnNode(ALOAD, frameLocal));
    il.add(new FieldInsnNode(GETFIELD, FRAME, "site", "I"));
    LabelNode[] targets = sites.stream().map(s -> s.restore).toArray(LabelNode[]::new);
    il.add(new TableSwitchInsnNode(0, sites.size() - 1, bad, targets));
    il.add(bad);
    // emits: throw new CaptureStateException("bad site")  (via a runtime helper that throws)
    il.add(new VarInsnNode(ALOAD, frameLocal));
    il.add(new MethodInsnNode(INVOKESTATIC, "io/roam/instrument/runtime/Rewind", "badSite",
        "(L" + FRAME + ";)Ljava/lang/RuntimeException;", false));
    il.add(new InsnNode(ATHROW));
    il.add(body);
    return il;
  }

  private InsnList forwardingEntry(List<Site> sites) {
    InsnList il = new InsnList();
    LabelNode body = new LabelNode();
    if (sites.stream().anyMatch(s -> s.chunk > 0)) {
      il.add(new IntInsnNode(SIPUSH, CHUNK));
      il.add(new VarInsnNode(ISTORE, counterLocal));
    }
    // emits: if (Ctx.mode == REWINDING) return m$roam$r$N();
    il.add(new FieldInsnNode(GETSTATIC, CTX, "mode", "I"));
    il.add(new InsnNode(ICONST_2));
    il.add(new JumpInsnNode(IF_ICMPNE, body));
    il.add(forwardTo);
    safeInvokes.add(forwardTo);
    il.add(new InsnNode(Type.getReturnType(method.desc).getOpcode(IRETURN)));
    il.add(body);
    return il;
  }

  private void instrumentCall(Site s) {
    InsnList insns = method.instructions;
    insns.insertBefore(s.at, s.invokeLabel);
    InsnList after = new InsnList();
    // emits: if (Ctx.mode != RUNNING) goto unwind_k;
    after.add(new FieldInsnNode(GETSTATIC, CTX, "mode", "I"));
    after.add(new JumpInsnNode(IFNE, s.unwind));
    after.add(s.resume);
    insns.insert(s.at, after);
    safeInvokes.add((MethodInsnNode) s.at);
  }

  private void instrumentPoll(Site s) {
    MethodInsnNode poll = new MethodInsnNode(INVOKESTATIC, CTX, s.at == entryPoll ? "pollEntry" : "poll", "()Z", false);
    safeInvokes.add(poll);
    InsnList il = new InsnList();
    if (s.chunk == 0) {
      // emits: if (Ctx.poll()) goto unwind_k;
      il.add(poll);
      il.add(new JumpInsnNode(IFNE, s.unwind));
      il.add(s.resume);
      method.instructions.insert(s.at, il);
      return;
    }
    // emits: if (--counter <= 0) { counter = CHUNK; if (Ctx.poll()) goto unwind_k; }
    il.add(new IincInsnNode(counterLocal, -1));
    il.add(new VarInsnNode(ILOAD, counterLocal));
    il.add(new JumpInsnNode(IFGT, s.resume));
    il.add(intConst(s.chunk));
    il.add(new VarInsnNode(ISTORE, counterLocal));
    il.add(poll);
    il.add(new JumpInsnNode(IFNE, s.unwind));
    il.add(s.resume);
    method.instructions.insert(s.at, il);
  }

  /** Saves the frame of site {@code s} and returns a dummy value. */
  private InsnList unwindBlock(Site s) {
    InsnList il = new InsnList();
    il.add(s.unwind);
    if (s.call) {
      int size = Type.getReturnType(((MethodInsnNode) s.at).desc).getSize();
      if (size > 0) {
        il.add(new InsnNode(size == 2 ? POP2 : POP));
      }
    }
    // emits: Frame f = Continuation.push(Ctx.cont, KEY, site, nPrims, nRefs);
    int[] counts = counts(s);
    il.add(new FieldInsnNode(GETSTATIC, CTX, "cont", "L" + CONT + ";"));
    il.add(new LdcInsnNode(key));
    il.add(intConst(s.index));
    il.add(intConst(counts[0]));
    il.add(intConst(counts[1]));
    il.add(new MethodInsnNode(INVOKESTATIC, CONT, "push",
        "(L" + CONT + ";Ljava/lang/String;III)L" + FRAME + ";", false));
    il.add(new VarInsnNode(ASTORE, frameLocal));
    // emits: for each stack value, top first: f.pushX(value);
    for (int i = s.stackDepth - 1; i >= 0; i--) {
      BasicValue v = s.frame.getStack(i);
      il.add(new VarInsnNode(ALOAD, frameLocal));
      if (v.getSize() == 2) {
        il.add(new InsnNode(DUP_X2));
        il.add(new InsnNode(POP));
      } else {
        il.add(new InsnNode(SWAP));
      }
      il.add(pushCall(v));
    }
    // emits: for each local, lowest slot first: f.pushX(local);
    for (int i = 0; i < s.frame.getLocals(); i++) {
      BasicValue v = s.frame.getLocal(i);
      if (!saved(v)) {
        continue;
      }
      il.add(new VarInsnNode(ALOAD, frameLocal));
      il.add(new VarInsnNode(v.getType().getOpcode(ILOAD), i));
      il.add(pushCall(v));
    }
    if (!isStatic) {
      // emits: f.self = this;
      il.add(new VarInsnNode(ALOAD, frameLocal));
      il.add(new VarInsnNode(ALOAD, 0));
      il.add(new FieldInsnNode(PUTFIELD, FRAME, "self", "Ljava/lang/Object;"));
    }
    // emits: return <dummy>;
    Type ret = Type.getReturnType(method.desc);
    if (ret.getSort() != Type.VOID) {
      il.add(zero(ret));
    }
    il.add(new InsnNode(ret.getOpcode(IRETURN)));
    return il;
  }

  /** Reloads the frame of site {@code s} and jumps back into the method body. */
  private InsnList restoreBlock(Site s) {
    InsnList il = new InsnList();
    il.add(s.restore);
    if (!s.route.isEmpty()) {
      // emits: placeholders(head_0); route = k; goto head_0;
      //        hop_j: placeholders(head_j); goto head_j;   (from the router at head_j-1)
      //        landing_k: route = -1; then reload the frame as below   (from the router at the site's head)
      il.add(placeholders(s.routeFrames.get(0)));
      il.add(intConst(s.index));
      il.add(new VarInsnNode(ISTORE, routeLocal));
      il.add(new JumpInsnNode(GOTO, s.route.get(0)));
      for (int j = 1; j < s.route.size(); j++) {
        il.add(s.hops.get(j - 1));
        il.add(placeholders(s.routeFrames.get(j)));
        il.add(new JumpInsnNode(GOTO, s.route.get(j)));
      }
      il.add(s.landing);
      il.add(new InsnNode(ICONST_M1));
      il.add(new VarInsnNode(ISTORE, routeLocal));
    }
    // emits: for each local, highest slot first: local = (T) f.popX();
    for (int i = s.frame.getLocals() - 1; i >= 0; i--) {
      BasicValue v = s.frame.getLocal(i);
      if (!saved(v)) {
        continue;
      }
      il.add(popValue(v));
      il.add(new VarInsnNode(v.getType().getOpcode(ISTORE), i));
    }
    // emits: for each stack value, bottom first: push (T) f.popX();
    for (int i = 0; i < s.stackDepth; i++) {
      il.add(popValue(s.frame.getStack(i)));
    }
    if (s.call) {
      MethodInsnNode m = (MethodInsnNode) s.at;
      if (m.getOpcode() != INVOKESTATIC) {
        // emits: push (Owner) Continuation.peekSelf(Ctx.cont);
        il.add(new FieldInsnNode(GETSTATIC, CTX, "cont", "L" + CONT + ";"));
        il.add(new MethodInsnNode(INVOKESTATIC, CONT, "peekSelf", "(L" + CONT + ";)Ljava/lang/Object;", false));
        // invokespecial (super and private calls) needs a receiver of the current class
        il.add(new TypeInsnNode(CHECKCAST, m.getOpcode() == INVOKESPECIAL ? owner.name : m.owner));
      }
      // emits: push a zero for every argument; goto invoke_k;
      for (Type t : Type.getArgumentTypes(m.desc)) {
        il.add(zero(t));
      }
      il.add(new JumpInsnNode(GOTO, s.invokeLabel));
    } else {
      // emits: Continuation.finish(Ctx.cont); Ctx.mode = RUNNING; goto resume_k;
      il.add(new FieldInsnNode(GETSTATIC, CTX, "cont", "L" + CONT + ";"));
      il.add(new MethodInsnNode(INVOKESTATIC, "io/roam/instrument/runtime/Rewind", "finish",
          "(L" + CONT + ";)V", false));
      il.add(new InsnNode(ICONST_0));
      il.add(new FieldInsnNode(PUTSTATIC, CTX, "mode", "I"));
      il.add(new JumpInsnNode(GOTO, s.resume));
    }
    return il;
  }

  private static boolean saved(BasicValue v) {
    return v != null && v.getType() != null && v != BasicValue.UNINITIALIZED_VALUE;
  }

  private int[] counts(Site s) {
    int prims = 0;
    int refs = 0;
    for (int i = 0; i < s.stackDepth; i++) {
      if (isRef(s.frame.getStack(i))) {
        refs++;
      } else {
        prims++;
      }
    }
    for (int i = 0; i < s.frame.getLocals(); i++) {
      BasicValue v = s.frame.getLocal(i);
      if (saved(v)) {
        if (isRef(v)) {
          refs++;
        } else {
          prims++;
        }
      }
    }
    return new int[] {prims, refs};
  }

  private static boolean isRef(BasicValue v) {
    int sort = v.getType().getSort();
    return sort == Type.OBJECT || sort == Type.ARRAY;
  }

  private static MethodInsnNode pushCall(BasicValue v) {
    Type t = v.getType();
    String[] nd = switch (t.getSort()) {
      case Type.LONG -> new String[] {"pushJ", "(J)V"};
      case Type.DOUBLE -> new String[] {"pushD", "(D)V"};
      case Type.FLOAT -> new String[] {"pushF", "(F)V"};
      case Type.OBJECT, Type.ARRAY -> new String[] {"pushA", "(Ljava/lang/Object;)V"};
      default -> new String[] {"pushI", "(I)V"};
    };
    return new MethodInsnNode(INVOKEVIRTUAL, FRAME, nd[0], nd[1], false);
  }

  private InsnList popValue(BasicValue v) {
    InsnList il = new InsnList();
    Type t = v.getType();
    il.add(new VarInsnNode(ALOAD, frameLocal));
    switch (t.getSort()) {
      case Type.LONG -> il.add(new MethodInsnNode(INVOKEVIRTUAL, FRAME, "popJ", "()J", false));
      case Type.DOUBLE -> il.add(new MethodInsnNode(INVOKEVIRTUAL, FRAME, "popD", "()D", false));
      case Type.FLOAT -> il.add(new MethodInsnNode(INVOKEVIRTUAL, FRAME, "popF", "()F", false));
      case Type.OBJECT, Type.ARRAY -> {
        il.add(new MethodInsnNode(INVOKEVIRTUAL, FRAME, "popA", "()Ljava/lang/Object;", false));
        if (t.getSort() == Type.OBJECT && t.getInternalName().equals("null")) {
          il.add(new InsnNode(POP));
          il.add(new InsnNode(ACONST_NULL));
        } else if (!t.getDescriptor().equals("Ljava/lang/Object;")) {
          il.add(new TypeInsnNode(CHECKCAST, t.getSort() == Type.ARRAY ? t.getDescriptor() : t.getInternalName()));
        }
      }
      default -> il.add(new MethodInsnNode(INVOKEVIRTUAL, FRAME, "popI", "()I", false));
    }
    return il;
  }

  private static AbstractInsnNode zero(Type t) {
    return switch (t.getSort()) {
      case Type.LONG -> new InsnNode(LCONST_0);
      case Type.DOUBLE -> new InsnNode(DCONST_0);
      case Type.FLOAT -> new InsnNode(FCONST_0);
      case Type.OBJECT, Type.ARRAY -> new InsnNode(ACONST_NULL);
      default -> new InsnNode(ICONST_0);
    };
  }

  private static AbstractInsnNode intConst(int v) {
    if (v >= -1 && v <= 5) {
      return new InsnNode(ICONST_0 + v);
    }
    return v <= Short.MAX_VALUE ? new IntInsnNode(SIPUSH, v) : new LdcInsnNode(v);
  }
}
