package sandbox;

import java.lang.reflect.Field;

/** Rule unsafe: the class literal, the cast and the call are each refused. */
public class UsesUnsafe {
  public static void main(String[] args) throws Exception {
    Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
    f.setAccessible(true);
    sun.misc.Unsafe u = (sun.misc.Unsafe) f.get(null);
    System.out.println(u.addressSize());
  }
}
