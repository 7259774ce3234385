package sandbox;

/** Its main class is clean; the class it uses second is refused when it loads. */
public class LateEscape {
  public static void main(String[] args) throws Exception {
    System.out.println("before");
    StartsProcess.builder();
    System.out.println("after");
  }
}
