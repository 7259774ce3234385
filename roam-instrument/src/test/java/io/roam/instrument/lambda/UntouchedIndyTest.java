package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.objectweb.asm.Opcodes.*;

import io.roam.instrument.lambda.fixtures.InterfaceHost;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;

/** What the rewriter must leave exactly as it is. */
class UntouchedIndyTest {
  private static final String HOST = "io/roam/instrument/lambda/fixtures/Untouched";
  private static final Handle METAFACTORY = CraftedClasses.metafactory();
  private static final Type SUPPLIER_GET = Type.getType("()Ljava/lang/Object;");

  @Test
  void classesOlderThanJava8AreNotRewritten() {
    byte[] java7 = classWith(V1_7, mv -> metafactorySite(mv,
        new Handle(H_INVOKESTATIC, HOST, "answer", "()Ljava/lang/Object;", false), "()Ljava/lang/Object;"));
    assertUnchanged(java7);
  }

  @Test
  void otherBootstrapsAndDynamicConstantsAreNotRewritten() {
    Handle concat = new Handle(H_INVOKESTATIC, "java/lang/invoke/StringConcatFactory", "makeConcatWithConstants",
        "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;"
            + "[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;", false);
    Handle own = new Handle(H_INVOKESTATIC, HOST, "bootstrap", "(Ljava/lang/invoke/MethodHandles$Lookup;"
        + "Ljava/lang/String;Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
    Handle nullConstant = new Handle(H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps", "nullConstant",
        "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false);
    byte[] bytes = classWith(V17, mv -> {
      mv.visitLdcInsn("x");
      mv.visitInvokeDynamicInsn("concat", "(Ljava/lang/String;)Ljava/lang/String;", concat, "<\u0001>");
      mv.visitInsn(POP);
      mv.visitInvokeDynamicInsn("own", "()Ljava/util/function/Supplier;", own);
      mv.visitInsn(POP);
      mv.visitLdcInsn(new ConstantDynamic("none", "Ljava/lang/Object;", nullConstant));
      mv.visitInsn(POP);
    });
    assertUnchanged(bytes);
  }

  @Test
  void metafactorySitesTheJdkCouldNotLinkAreNotRewritten() {
    byte[] bytes = classWith(V17, mv -> {
      // a field handle
      metafactorySite(mv, new Handle(H_GETSTATIC, HOST, "FIELD", "Ljava/lang/Object;", false), "()Ljava/lang/Object;");
      // an implementation that takes an argument the functional method does not have
      metafactorySite(mv, new Handle(H_INVOKESTATIC, "java/lang/String", "valueOf",
          "(Ljava/lang/Object;)Ljava/lang/String;", false), "()Ljava/lang/String;");
      // a void implementation for a functional method that returns a value
      metafactorySite(mv, new Handle(H_INVOKESTATIC, "java/lang/Thread", "yield", "()V", false), "()Ljava/lang/Object;");
      // bootstrap arguments missing
      mv.visitInvokeDynamicInsn("get", "()Ljava/util/function/Supplier;", METAFACTORY, SUPPLIER_GET);
      mv.visitInsn(POP);
    });
    assertUnchanged(bytes);
  }

  @Test
  void recordsKeepTheirObjectMethodsSites() {
    byte[] square = FixtureLoader.classpath().apply(InterfaceHost.class.getName().replace('.', '/') + "$Square");
    assertThat(LambdaHarness.read(square, 0).methods).anySatisfy(m -> assertThat(m.name).isEqualTo("toString"));
    assertUnchanged(square);
  }

  private static void assertUnchanged(byte[] original) {
    ClassNode host = LambdaHarness.read(original, 0);
    assertThat(LambdaRewriter.rewrite(host)).isEmpty();
    ClassWriter w = new ClassWriter(0);
    host.accept(w);
    ClassWriter reference = new ClassWriter(0);
    LambdaHarness.read(original, 0).accept(reference);
    assertThat(w.toByteArray()).isEqualTo(reference.toByteArray());
  }

  private static void metafactorySite(MethodVisitor mv, Handle impl, String instantiated) {
    mv.visitInvokeDynamicInsn("get", "()Ljava/util/function/Supplier;", METAFACTORY, SUPPLIER_GET, impl,
        Type.getType(instantiated));
    mv.visitInsn(POP);
  }

  private static byte[] classWith(int version, Consumer<MethodVisitor> body) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(version, ACC_PUBLIC | ACC_SUPER, HOST, null, "java/lang/Object", null);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "sites", "()V", null, null);
    body.accept(mv);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    cw.visitEnd();
    return cw.toByteArray();
  }
}
