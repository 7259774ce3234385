package io.roam.instrument.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.objectweb.asm.Opcodes.*;

import io.roam.instrument.InstrumentationException;
import io.roam.instrument.lambda.fixtures.Capturing;
import io.roam.instrument.lambda.fixtures.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The names, members and flags of what the rewriter produces, and that it is deterministic. */
class GeneratedShapeTest {
  private static final Function<String, byte[]> CLASSPATH = FixtureLoader.classpath();
  private static final String CAPTURING = Capturing.class.getName().replace('.', '/');

  @Test
  void sitesAreNumberedInInstructionOrderOverMethodsInDeclarationOrder() {
    ClassNode host = LambdaHarness.read(CLASSPATH.apply(CAPTURING), 0);
    List<int[]> positions = new ArrayList<>();
    List<String> descs = new ArrayList<>();
    for (int m = 0; m < host.methods.size(); m++) {
      for (AbstractInsnNode insn : host.methods.get(m).instructions) {
        if (insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().endsWith("LambdaMetafactory")) {
          positions.add(new int[] {m, host.methods.get(m).instructions.indexOf(insn)});
          descs.add(indy.desc);
        }
      }
    }
    Map<String, ClassNode> generated = LambdaRewriter.rewrite(host);
    List<String> expected = new ArrayList<>();
    for (int n = 0; n < positions.size(); n++) {
      expected.add(CAPTURING + "$$Lambda$" + n);
      MethodInsnNode call = (MethodInsnNode) host.methods.get(positions.get(n)[0]).instructions.get(positions.get(n)[1]);
      assertThat(List.of(call.getOpcode(), call.owner, call.name, call.desc, call.itf))
          .containsExactly(INVOKESTATIC, CAPTURING + "$$Lambda$" + n, "create", descs.get(n), false);
    }
    assertThat(generated.keySet()).containsExactlyElementsOf(expected);
    assertThat(host.methods.subList(host.methods.size() - positions.size(), host.methods.size()))
        .extracting(m -> m.name).containsExactlyElementsOf(
            expected.stream().map(n -> "roam$lambda$" + n.substring(n.lastIndexOf('$') + 1)).toList());
  }

  @Test
  void generatedClassesArePackagePrivateFinalSyntheticObjectSubclassesOfTheHostsVersion() {
    ClassNode host = LambdaHarness.read(CLASSPATH.apply(CAPTURING), 0);
    for (ClassNode g : LambdaRewriter.rewrite(host).values()) {
      assertThat(g.version).isEqualTo(host.version);
      assertThat(g.access).isEqualTo(ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC);
      assertThat(g.superName).isEqualTo("java/lang/Object");
      assertThat(g.interfaces).hasSize(1);
      assertThat(g.methods).extracting(m -> m.name).contains("<init>", "create");
      MethodNode create = method(g, "create");
      assertThat(create.access).isEqualTo(ACC_STATIC);
      assertThat(create.desc).endsWith(")L" + g.interfaces.get(0) + ";");
      assertThat(method(g, "<init>").access).isEqualTo(ACC_PRIVATE);
    }
  }

  @Test
  void capturedValuesAreNonFinalPackagePrivateFieldsAndNonCapturingSitesHaveOneInstance() {
    ClassNode host = LambdaHarness.read(CLASSPATH.apply(CAPTURING), 0);
    for (ClassNode g : LambdaRewriter.rewrite(host).values()) {
      String[] captured = Arrays.stream(org.objectweb.asm.Type.getArgumentTypes(method(g, "create").desc))
          .map(org.objectweb.asm.Type::getDescriptor).toArray(String[]::new);
      if (captured.length == 0) {
        assertThat(g.fields).extracting(f -> f.access + " " + f.name + " " + f.desc)
            .containsExactly(ACC_STATIC + " INSTANCE L" + g.name + ";");
        assertThat(g.methods).extracting(m -> m.name).contains("<clinit>");
      } else {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < captured.length; i++) {
          expected.add("0 arg" + i + " " + captured[i]);
        }
        assertThat(g.fields).extracting(f -> f.access + " " + f.name + " " + f.desc)
            .containsExactlyElementsOf(expected);
        assertThat(g.methods).extracting(m -> m.name).doesNotContain("<clinit>");
      }
    }
  }

  @Test
  void accessorsArePackagePrivateInClassesAndPublicInInterfaces() {
    ClassNode host = LambdaHarness.read(CLASSPATH.apply(CAPTURING), 0);
    LambdaRewriter.rewrite(host);
    assertThat(accessors(host)).isNotEmpty().allSatisfy(m -> assertThat(m.access).isEqualTo(ACC_STATIC | ACC_SYNTHETIC));
    ClassNode iface = LambdaHarness.read(CLASSPATH.apply(Shape.class.getName().replace('.', '/')), 0);
    LambdaRewriter.rewrite(iface);
    assertThat(accessors(iface)).hasSize(7)
        .allSatisfy(m -> assertThat(m.access).isEqualTo(ACC_PUBLIC | ACC_STATIC | ACC_SYNTHETIC));
  }

  @Test
  void theSameInputGivesTheSameClassesByteForByte() {
    for (String name : LambdaHarness.fixtureClassFiles()) {
      Map<String, byte[]> first = rewriteAndWrite(CLASSPATH.apply(name), 0);
      Map<String, byte[]> second = rewriteAndWrite(CLASSPATH.apply(name), 0);
      Map<String, byte[]> expanded = rewriteAndWrite(CLASSPATH.apply(name), ClassReader.EXPAND_FRAMES);
      assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
      first.forEach((n, bytes) -> assertThat(second.get(n)).as(n).isEqualTo(bytes));
      first.forEach((n, bytes) -> {
        if (!n.equals(name)) {
          assertThat(expanded.get(n)).as(n).isEqualTo(bytes);
        }
      });
    }
  }

  @Test
  void maxStackAndMaxLocalsOfEmittedCodeAreExact() {
    int checked = 0;
    for (String name : LambdaHarness.fixtureClassFiles()) {
      ClassNode host = LambdaHarness.read(CLASSPATH.apply(name), 0);
      Map<String, ClassNode> generated = LambdaRewriter.rewrite(host);
      List<MethodNode> emitted = new ArrayList<>(accessors(host));
      generated.values().forEach(g -> emitted.addAll(g.methods));
      List<ClassNode> owners = new ArrayList<>(generated.values());
      owners.add(host);
      for (ClassNode owner : owners) {
        ClassNode recomputed = LambdaHarness.read(write(owner, ClassWriter.COMPUTE_MAXS), 0);
        for (MethodNode m : owner.methods) {
          if (emitted.contains(m)) {
            MethodNode r = method(recomputed, m.name, m.desc);
            assertThat(new int[] {m.maxStack, m.maxLocals}).as("%s.%s%s", owner.name, m.name, m.desc)
                .containsExactly(r.maxStack, r.maxLocals);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void aClassThatAlreadyHasAnAccessorIsRefused() {
    ClassNode host = LambdaHarness.read(CLASSPATH.apply(CAPTURING), 0);
    host.methods.add(new MethodNode(ACC_STATIC, "roam$lambda$0", "()V", null, null));
    assertThatThrownBy(() -> LambdaRewriter.rewrite(host)).isInstanceOf(InstrumentationException.class)
        .hasMessageContaining(Capturing.class.getName()).hasMessageContaining("roam$lambda$0");
  }

  @Test
  void capturedFieldsAreNotFinalSoASnapshotCanSetThem() {
    for (String name : LambdaHarness.fixtureClassFiles()) {
      for (ClassNode g : LambdaRewriter.rewrite(LambdaHarness.read(CLASSPATH.apply(name), 0)).values()) {
        for (FieldNode f : g.fields) {
          assertThat(f.access & (ACC_FINAL | ACC_PRIVATE | ACC_PUBLIC | ACC_PROTECTED)).as(g.name + "." + f.name).isZero();
        }
      }
    }
  }

  private static Map<String, byte[]> rewriteAndWrite(byte[] original, int readFlags) {
    ClassNode host = LambdaHarness.read(original, readFlags);
    Map<String, byte[]> out = new LinkedHashMap<>();
    LambdaRewriter.rewrite(host).forEach((n, g) -> out.put(n, write(g, 0)));
    out.put(host.name, write(host, 0));
    return out;
  }

  private static byte[] write(ClassNode c, int flags) {
    ClassWriter w = new ClassWriter(flags);
    c.accept(w);
    return w.toByteArray();
  }

  private static List<MethodNode> accessors(ClassNode host) {
    return host.methods.stream().filter(m -> m.name.startsWith(LambdaRewriter.ACCESSOR_PREFIX)).toList();
  }

  private static MethodNode method(ClassNode c, String name) {
    return c.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
  }

  private static MethodNode method(ClassNode c, String name, String desc) {
    return c.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(desc)).findFirst().orElseThrow();
  }
}
