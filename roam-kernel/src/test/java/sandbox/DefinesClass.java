package sandbox;

import java.lang.invoke.MethodHandles;
import java.net.URL;
import java.net.URLClassLoader;

/** Rule define-class: a new class loader, and a class defined through a lookup. */
public class DefinesClass {
  public static void main(String[] args) throws Exception {
    try (URLClassLoader l = new URLClassLoader(new URL[0])) {
      System.out.println(l);
    }
  }

  static Class<?> define(byte[] classFile) throws Exception {
    return MethodHandles.lookup().defineClass(classFile);
  }
}
