package sandbox;

/** Rule exec: Runtime.exec and ProcessBuilder. */
public class StartsProcess {
  public static void main(String[] args) throws Exception {
    Runtime.getRuntime().exec(new String[] {"true"});
  }

  static void builder() throws Exception {
    new ProcessBuilder("true").start();
  }
}
