package sandbox;

/** Rule define-class: a class loader of its own. */
public class OwnLoader extends ClassLoader {
  Class<?> define(byte[] b) {
    return defineClass(null, b, 0, b.length);
  }
}
