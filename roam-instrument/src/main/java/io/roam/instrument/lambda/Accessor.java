package io.roam.instrument.lambda;

import static org.objectweb.asm.Opcodes.*;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The synthetic static method added to a host class for one lambda site: it performs exactly the
 * invocation the site's implementation handle names, from inside the host, so that private
 * members, nestmates' private members and protected members of superclasses in other packages
 * stay reachable for the generated class, which is none of those. Shape:
 * <pre>
 *   static synthetic R roam$lambda$N(Recv receiver, P1 p1, ...)   // instance methods
 *   static synthetic R roam$lambda$N(P1 p1, ...)                  // static methods
 *   static synthetic Owner roam$lambda$N(P1 p1, ...)              // constructors
 * </pre>
 * package-private in classes, {@code public} in interfaces (which cannot have package-private
 * methods). {@code Recv} is the host for {@code invokespecial} (the verifier wants the current
 * class there); for {@code invokevirtual}/{@code invokeinterface} it is the static type the site
 * gives the receiver (so a protected method of a superclass in another package passes the
 * verifier's protected check exactly as the site did), or the handle's owner when that type is
 * {@code Object}.
 */
final class Accessor {
  /** Name prefix of the accessors; the site number follows. */
  static final String PREFIX = "roam$lambda$";

  private Accessor() {}

  /** The accessor's descriptor for {@code site} in {@code host}. */
  static Type type(ClassNode host, LambdaSite site) {
    Handle impl = site.impl();
    Type[] params = Type.getArgumentTypes(impl.getDesc());
    if (site.hasReceiver()) {
      Type[] withReceiver = new Type[params.length + 1];
      withReceiver[0] = receiverType(host, site);
      System.arraycopy(params, 0, withReceiver, 1, params.length);
      params = withReceiver;
    }
    Type ret = impl.getTag() == H_NEWINVOKESPECIAL
        ? Type.getObjectType(impl.getOwner())
        : Type.getReturnType(impl.getDesc());
    return Type.getMethodType(ret, params);
  }

  /** Builds the accessor named {@code name} (not yet added to {@code host}). */
  static MethodNode create(ClassNode host, LambdaSite site, String name) {
    Type type = type(host, site);
    int access = ACC_STATIC | ACC_SYNTHETIC | (isInterface(host) ? ACC_PUBLIC : 0);
    MethodNode m = new MethodNode(access, name, type.getDescriptor(), null, null);
    Handle impl = site.impl();
    Code code = new Code();
    // emits: return new Owner(p1, ...);          (constructor)
    //        return receiver.impl(p1, ...);      (virtual, interface, special)
    //        return Owner.impl(p1, ...);         (static)
    if (impl.getTag() == H_NEWINVOKESPECIAL) {
      code.newInstance(impl.getOwner()).insn(DUP, 1);
    }
    code.loadAll(type.getArgumentTypes(), 0);
    code.invoke(opcode(impl.getTag()), impl.getOwner(), impl.getName(), impl.getDesc(),
        impl.isInterface());
    code.ret(type.getReturnType());
    return code.installIn(m, Code.size(type.getArgumentTypes()));
  }

  static boolean isInterface(ClassNode c) {
    return (c.access & ACC_INTERFACE) != 0;
  }

  private static Type receiverType(ClassNode host, LambdaSite site) {
    if (site.impl().getTag() == H_INVOKESPECIAL) {
      return Type.getObjectType(host.name);
    }
    Type atSite = site.receiverAtSite();
    return atSite.getDescriptor().equals("Ljava/lang/Object;")
        ? Type.getObjectType(site.impl().getOwner())
        : atSite;
  }

  private static int opcode(int handleTag) {
    return switch (handleTag) {
      case H_INVOKESTATIC -> INVOKESTATIC;
      case H_INVOKEVIRTUAL -> INVOKEVIRTUAL;
      case H_INVOKEINTERFACE -> INVOKEINTERFACE;
      case H_INVOKESPECIAL, H_NEWINVOKESPECIAL -> INVOKESPECIAL;
      default -> throw new IllegalArgumentException("not an invocation handle: " + handleTag);
    };
  }
}
