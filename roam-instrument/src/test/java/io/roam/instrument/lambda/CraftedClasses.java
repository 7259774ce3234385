package io.roam.instrument.lambda;

import static org.objectweb.asm.Opcodes.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Class files with lambda sites javac does not emit but other compilers, older javac versions
 * and bytecode generators do: super calls and private methods as {@code REF_invokeSpecial}
 * handles (javac 8), a protected method of a superclass in another package named directly
 * ({@code Object.clone}), private constructors, interface private methods called with
 * {@code invokespecial}. {@code Crafted.run()} returns one line per site.
 */
final class CraftedClasses {
  static final String CRAFTED = "io/roam/instrument/lambda/fixtures/Crafted";
  static final String IFACE = "io/roam/instrument/lambda/fixtures/CraftedIface";
  static final String IMPL = "io/roam/instrument/lambda/fixtures/CraftedImpl";

  private static final String OBJECT = "java/lang/Object";
  private static final String STRING = "java/lang/String";
  private static final String SB = "java/lang/StringBuilder";
  private static final String SUPPLIER = "java/util/function/Supplier";
  private static final String FUNCTION = "java/util/function/Function";
  private static final Handle METAFACTORY = new Handle(H_INVOKESTATIC, "java/lang/invoke/LambdaMetafactory",
      "metafactory", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;"
          + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
          + "Ljava/lang/invoke/CallSite;", false);

  private CraftedClasses() {}

  /**
   * The three classes, by internal name, at class-file {@code version}; with a super call handle
   * ({@code REF_invokeSpecial Object.toString}) first when {@code superHandle} — which the JDK's
   * metafactory (17 and 25) fails to link: {@code WrongMethodTypeException} at the first call.
   */
  static Map<String, byte[]> all(int version, boolean superHandle) {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    classes.put(CRAFTED, crafted(version, superHandle));
    classes.put(IFACE, iface(version));
    classes.put(IMPL, impl(version));
    return classes;
  }

  /** The lambda metafactory bootstrap, for tests that build their own sites. */
  static Handle metafactory() {
    return METAFACTORY;
  }

  private static byte[] crafted(int version, boolean superHandle) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(version, ACC_PUBLIC | ACC_SUPER, CRAFTED, null, OBJECT, new String[] {"java/lang/Cloneable"});
    cw.visitField(0, "tag", "Ljava/lang/String;", null, null).visitEnd();
    constructor(cw, ACC_PUBLIC, "()V", true);
    constructor(cw, ACC_PRIVATE, "(Ljava/lang/String;)V", false);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "toString", "()Ljava/lang/String;", null, null);
    mv.visitLdcInsn("crafted:");
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, CRAFTED, "tag", "Ljava/lang/String;");
    mv.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv = cw.visitMethod(ACC_PUBLIC, "hashCode", "()I", null, null);
    mv.visitIntInsn(BIPUSH, 42);
    mv.visitInsn(IRETURN);
    mv.visitMaxs(0, 0);
    mv = cw.visitMethod(ACC_PRIVATE, "priv", "()Ljava/lang/String;", null, null);
    mv.visitLdcInsn("private:");
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(GETFIELD, CRAFTED, "tag", "Ljava/lang/String;");
    mv.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    run(cw, version, superHandle);
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static void constructor(ClassWriter cw, int access, String desc, boolean fixedTag) {
    MethodVisitor mv = cw.visitMethod(access, "<init>", desc, null, null);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, OBJECT, "<init>", "()V", false);
    mv.visitVarInsn(ALOAD, 0);
    if (fixedTag) {
      mv.visitLdcInsn("default");
    } else {
      mv.visitVarInsn(ALOAD, 1);
    }
    mv.visitFieldInsn(PUTFIELD, CRAFTED, "tag", "Ljava/lang/String;");
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
  }

  // Locals: 0 = StringBuilder out, 1 = a Crafted. Each site appends one line to out.
  private static void run(ClassWriter cw, int version, boolean superHandle) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "run", "()Ljava/lang/String;", null, null);
    mv.visitTypeInsn(NEW, SB);
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, SB, "<init>", "()V", false);
    mv.visitVarInsn(ASTORE, 0);
    mv.visitTypeInsn(NEW, CRAFTED);
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, CRAFTED, "<init>", "()V", false);
    mv.visitVarInsn(ASTORE, 1);
    String bound = "(L" + CRAFTED + ";)L" + SUPPLIER + ";";
    if (superHandle) {
      // super::toString as a handle
      boundSupplier(mv, bound, new Handle(H_INVOKESPECIAL, OBJECT, "toString", "()Ljava/lang/String;", false),
          "()Ljava/lang/String;");
    }
    // this::clone, protected in java.lang.Object (another package)
    boundSupplier(mv, bound, new Handle(H_INVOKEVIRTUAL, OBJECT, "clone", "()Ljava/lang/Object;", false),
        "()Ljava/lang/Object;");
    // this::priv with invokespecial (javac before nestmates)
    boundSupplier(mv, bound, new Handle(H_INVOKESPECIAL, CRAFTED, "priv", "()Ljava/lang/String;", false),
        "()Ljava/lang/String;");
    if (version >= V11) {
      // this::priv with invokevirtual (javac with nestmates)
      boundSupplier(mv, bound, new Handle(H_INVOKEVIRTUAL, CRAFTED, "priv", "()Ljava/lang/String;", false),
          "()Ljava/lang/String;");
    }
    // Crafted::clone unbound: the receiver's type comes from the instantiated method type
    unboundFunction(mv, new Handle(H_INVOKEVIRTUAL, OBJECT, "clone", "()Ljava/lang/Object;", false),
        "(L" + CRAFTED + ";)Ljava/lang/Object;", () -> mv.visitVarInsn(ALOAD, 1));
    // Crafted::new on a private constructor
    unboundFunction(mv, new Handle(H_NEWINVOKESPECIAL, CRAFTED, "<init>", "(Ljava/lang/String;)V", false),
        "(Ljava/lang/String;)L" + CRAFTED + ";", () -> mv.visitLdcInsn("made"));
    // List::of, a static interface method
    unboundFunction(mv, new Handle(H_INVOKESTATIC, "java/util/List", "of", "(Ljava/lang/Object;)Ljava/util/List;",
        true), "(Ljava/lang/Object;)Ljava/util/List;", () -> mv.visitLdcInsn("listed"));
    // CharSequence::length, an interface method, result boxed
    unboundFunction(mv, new Handle(H_INVOKEINTERFACE, "java/lang/CharSequence", "length", "()I", true),
        "(Ljava/lang/CharSequence;)Ljava/lang/Integer;", () -> mv.visitLdcInsn("five!"));
    // an interface's lambdas: private instance method with invokespecial, private static method
    mv.visitVarInsn(ALOAD, 0);
    mv.visitTypeInsn(NEW, IMPL);
    mv.visitInsn(DUP);
    mv.visitMethodInsn(INVOKESPECIAL, IMPL, "<init>", "()V", false);
    mv.visitMethodInsn(INVOKEINTERFACE, IFACE, "describe", "()Ljava/lang/String;", true);
    appendLine(mv);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, SB, "toString", "()Ljava/lang/String;", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
  }

  // emits: out.append(String.valueOf(Supplier<...> s = indy(local1); s.get())).append('\n');
  private static void boundSupplier(MethodVisitor mv, String factory, Handle impl, String instantiated) {
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitInvokeDynamicInsn("get", factory, METAFACTORY, Type.getType("()Ljava/lang/Object;"), impl,
        Type.getType(instantiated));
    mv.visitMethodInsn(INVOKEINTERFACE, SUPPLIER, "get", "()Ljava/lang/Object;", true);
    appendLine(mv);
  }

  // emits: out.append(String.valueOf(Function f = indy(); f.apply(argument))).append('\n');
  private static void unboundFunction(MethodVisitor mv, Handle impl, String instantiated, Runnable argument) {
    mv.visitVarInsn(ALOAD, 0);
    mv.visitInvokeDynamicInsn("apply", "()L" + FUNCTION + ";", METAFACTORY,
        Type.getType("(Ljava/lang/Object;)Ljava/lang/Object;"), impl, Type.getType(instantiated));
    argument.run();
    mv.visitMethodInsn(INVOKEINTERFACE, FUNCTION, "apply", "(Ljava/lang/Object;)Ljava/lang/Object;", true);
    appendLine(mv);
  }

  private static void appendLine(MethodVisitor mv) {
    mv.visitMethodInsn(INVOKESTATIC, STRING, "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;", false);
    mv.visitMethodInsn(INVOKEVIRTUAL, SB, "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
    mv.visitLdcInsn("\n");
    mv.visitMethodInsn(INVOKEVIRTUAL, SB, "append", "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
    mv.visitInsn(POP);
  }

  // interface CraftedIface {
  //   private String secret() { return "iface-secret"; }
  //   private static String twice(String s) { return s.concat(s); }
  //   default String describe() { return ((Supplier) this::secret).get() + ((Function) CraftedIface::twice).apply("t"); }
  // }
  private static byte[] iface(int version) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(version, ACC_PUBLIC | ACC_ABSTRACT | ACC_INTERFACE, IFACE, null, OBJECT, null);
    MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, "secret", "()Ljava/lang/String;", null, null);
    mv.visitLdcInsn("iface-secret");
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "twice", "(Ljava/lang/String;)Ljava/lang/String;", null, null);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv = cw.visitMethod(ACC_PUBLIC, "describe", "()Ljava/lang/String;", null, null);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitInvokeDynamicInsn("get", "(L" + IFACE + ";)L" + SUPPLIER + ";", METAFACTORY,
        Type.getType("()Ljava/lang/Object;"),
        new Handle(H_INVOKESPECIAL, IFACE, "secret", "()Ljava/lang/String;", true),
        Type.getType("()Ljava/lang/String;"));
    mv.visitMethodInsn(INVOKEINTERFACE, SUPPLIER, "get", "()Ljava/lang/Object;", true);
    mv.visitTypeInsn(CHECKCAST, STRING);
    mv.visitInvokeDynamicInsn("apply", "()L" + FUNCTION + ";", METAFACTORY,
        Type.getType("(Ljava/lang/Object;)Ljava/lang/Object;"),
        new Handle(H_INVOKESTATIC, IFACE, "twice", "(Ljava/lang/String;)Ljava/lang/String;", true),
        Type.getType("(Ljava/lang/String;)Ljava/lang/String;"));
    mv.visitLdcInsn("t");
    mv.visitMethodInsn(INVOKEINTERFACE, FUNCTION, "apply", "(Ljava/lang/Object;)Ljava/lang/Object;", true);
    mv.visitTypeInsn(CHECKCAST, STRING);
    mv.visitMethodInsn(INVOKEVIRTUAL, STRING, "concat", "(Ljava/lang/String;)Ljava/lang/String;", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static byte[] impl(int version) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(version, ACC_PUBLIC | ACC_SUPER, IMPL, null, OBJECT, new String[] {IFACE});
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, OBJECT, "<init>", "()V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    cw.visitEnd();
    return cw.toByteArray();
  }
}
