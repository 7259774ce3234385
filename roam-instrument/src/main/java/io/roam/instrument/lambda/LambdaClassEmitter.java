package io.roam.instrument.lambda;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Builds the ordinary class that replaces the hidden class {@code LambdaMetafactory} would spin for
 * one site. For a site capturing {@code C0, C1, ...} with functional interface {@code FI}:
 * <pre>
 *   final synthetic class Host$$Lambda$N implements FI [, markers...] [, Serializable] {
 *     C0 arg0; C1 arg1; ...                          // package-private, not final
 *     private Host$$Lambda$N(C0 a0, C1 a1, ...) { this.arg0 = a0; ... }
 *     static FI create(C0 a0, C1 a1, ...) { return new Host$$Lambda$N(a0, a1, ...); }
 *     public R sam(P0 p0, ...) { return adapt(Host.roam$lambda$N(arg0, ..., adapt(p0), ...)); }
 *     public synthetic bridge R' sam(P0' p0, ...) { ...same... }    // one per FLAG_BRIDGES type
 *   }
 * </pre>
 * A site that captures nothing gets {@code static Host$$Lambda$N INSTANCE}, set by
 * {@code <clinit>}, and {@code create()} answers it (one object per site, as the JDK does). All
 * code is straight-line: no stack map frames are needed, and frame computation never has to ask
 * for a common superclass of the generated types.
 */
final class LambdaClassEmitter {
  /** Name of the factory method that replaces the {@code invokedynamic}. */
  static final String FACTORY = "create";
  /** Name of the singleton field of a site that captures nothing. */
  static final String INSTANCE = "INSTANCE";
  /** Prefix of the captured-value fields; the index follows. */
  static final String ARG = "arg";

  private static final String OBJECT = "java/lang/Object";
  private static final String SERIALIZABLE = "java/io/Serializable";

  private final ClassNode host;
  private final LambdaSite site;
  private final ClassNode out = new ClassNode();
  private final String accessorName;
  private final Type accessorType;

  private LambdaClassEmitter(ClassNode host, LambdaSite site, String name, String accessorName) {
    this.host = host;
    this.site = site;
    this.accessorName = accessorName;
    this.accessorType = Accessor.type(host, site);
    out.version = host.version;
    out.access = ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC;
    out.name = name;
    out.superName = OBJECT;
    out.interfaces = interfaces(site);
  }

  /** The generated class {@code name} for {@code site}, calling {@code host.accessorName}. */
  static ClassNode emit(ClassNode host, LambdaSite site, String name, String accessorName) {
    LambdaClassEmitter e = new LambdaClassEmitter(host, site, name, accessorName);
    e.fields();
    e.constructor();
    e.factory();
    e.forwarder(site.samType(), ACC_PUBLIC);
    Set<String> done = new LinkedHashSet<>(List.of(site.samType().getDescriptor()));
    for (Type bridge : site.bridges()) {
      if (done.add(bridge.getDescriptor())) {
        e.forwarder(bridge, ACC_PUBLIC | ACC_BRIDGE | ACC_SYNTHETIC);
      }
    }
    if (site.captured().length == 0) {
      e.singletonInitializer();
    }
    return e.out;
  }

  private static List<String> interfaces(LambdaSite site) {
    Set<String> all = new LinkedHashSet<>();
    all.add(site.functionalInterface());
    all.addAll(site.markers());
    if (site.serializable()) {
      all.add(SERIALIZABLE);
    }
    return new ArrayList<>(all);
  }

  private void fields() {
    Type[] captured = site.captured();
    for (int i = 0; i < captured.length; i++) {
      out.fields.add(new FieldNode(0, ARG + i, captured[i].getDescriptor(), null, null));
    }
    if (captured.length == 0) {
      out.fields.add(new FieldNode(ACC_STATIC, INSTANCE, self().getDescriptor(), null, null));
    }
  }

  private void constructor() {
    Type[] captured = site.captured();
    MethodNode m = new MethodNode(ACC_PRIVATE, "<init>",
        Type.getMethodDescriptor(Type.VOID_TYPE, captured), null, null);
    Code code = new Code();
    // emits: super(); this.arg0 = a0; this.arg1 = a1; ...
    code.load(self(), 0).invoke(INVOKESPECIAL, OBJECT, "<init>", "()V", false);
    int slot = 1;
    for (int i = 0; i < captured.length; i++) {
      code.load(self(), 0).load(captured[i], slot).putField(out.name, ARG + i, captured[i]);
      slot += captured[i].getSize();
    }
    code.ret(Type.VOID_TYPE);
    out.methods.add(code.installIn(m, 1 + Code.size(captured)));
  }

  private void factory() {
    Type[] captured = site.captured();
    MethodNode m =
        new MethodNode(ACC_STATIC, FACTORY, site.factoryType().getDescriptor(), null, null);
    Code code = new Code();
    if (captured.length == 0) {
      // emits: return INSTANCE;
      code.getStatic(out.name, INSTANCE, self());
    } else {
      // emits: return new Host$$Lambda$N(a0, a1, ...);
      code.newInstance(out.name).insn(DUP, 1).loadAll(captured, 0);
      code.invoke(INVOKESPECIAL, out.name, "<init>",
          Type.getMethodDescriptor(Type.VOID_TYPE, captured), false);
    }
    code.ret(self());
    out.methods.add(code.installIn(m, Code.size(captured)));
  }

  /** The functional method (or a bridge) of erased type {@code type}. */
  private void forwarder(Type type, int access) {
    MethodNode m = new MethodNode(access, site.interfaceMethod(), type.getDescriptor(), null, null);
    Type[] target = accessorType.getArgumentTypes();
    Type[] captured = site.captured();
    Type[] params = type.getArgumentTypes();
    Type[] instantiated = site.instantiatedType().getArgumentTypes();
    Code code = new Code();
    // emits: return adapt(Host.roam$lambda$N(adapt(this.arg0), ..., adapt(p0), ...));
    for (int i = 0; i < captured.length; i++) {
      code.load(self(), 0).getField(out.name, ARG + i, captured[i]);
      Conversions.convert(code, captured[i], target[i], captured[i]);
    }
    int slot = 1;
    for (int i = 0; i < params.length; i++) {
      code.load(params[i], slot);
      slot += params[i].getSize();
      Conversions.convert(code, params[i], target[captured.length + i], instantiated[i]);
    }
    code.invoke(INVOKESTATIC, host.name, accessorName, accessorType.getDescriptor(),
        Accessor.isInterface(host));
    Type result = accessorType.getReturnType();
    Conversions.convert(code, result, type.getReturnType(), type.getReturnType());
    if (type.getReturnType().getSort() == Type.VOID && result.getSort() != Type.VOID) {
      code.insn(result.getSize() == 2 ? POP2 : POP, -result.getSize());
    }
    code.ret(type.getReturnType());
    out.methods.add(code.installIn(m, 1 + Code.size(params)));
  }

  private void singletonInitializer() {
    MethodNode m = new MethodNode(ACC_STATIC, "<clinit>", "()V", null, null);
    Code code = new Code();
    // emits: INSTANCE = new Host$$Lambda$N();
    code.newInstance(out.name).insn(DUP, 1).invoke(INVOKESPECIAL, out.name, "<init>", "()V", false);
    code.putStatic(out.name, INSTANCE, self()).ret(Type.VOID_TYPE);
    out.methods.add(code.installIn(m, 0));
  }

  private Type self() {
    return Type.getObjectType(out.name);
  }
}
