package sandbox;

import java.lang.reflect.Field;

/** Rule reflect-internal and the rule table at run time: reflection whose target is not a constant. */
public class Reflective {
  private int secret = 42;

  public static void main(String[] args) throws Exception {
    Field own = Reflective.class.getDeclaredField("secret");
    own.setAccessible(true);
    System.out.println("own field: " + own.getInt(new Reflective()));
    attempt(() -> {
      Field f = String.class.getDeclaredField("value");
      f.setAccessible(true);
      return f;
    });
    attempt(() -> String.class.getDeclaredField("value").trySetAccessible());
    attempt(() -> Class.forName(args[0]));
    attempt(() -> Runtime.class.getMethod("exec", String.class));
    long execs = java.util.Arrays.stream(Runtime.class.getMethods()).filter(m -> m.getName().equals("exec")).count();
    System.out.println("exec methods visible: " + execs);
    attempt(() -> java.lang.invoke.MethodHandles.lookup().findConstructor(ProcessBuilder.class,
        java.lang.invoke.MethodType.methodType(void.class, String[].class)));
    attempt(() -> java.lang.invoke.MethodHandles.privateLookupIn(String.class, java.lang.invoke.MethodHandles.lookup()));
    System.out.println("private lookup: " + java.lang.invoke.MethodHandles.privateLookupIn(Reflective.class,
        java.lang.invoke.MethodHandles.lookup()).lookupClass().getName());
  }

  interface Action {
    Object run() throws Exception;
  }

  static void attempt(Action a) {
    try {
      System.out.println("allowed: " + a.run());
    } catch (SecurityException e) {
      System.out.println(e.getMessage());
    } catch (Exception e) {
      System.out.println("failed: " + e);
    }
  }
}
