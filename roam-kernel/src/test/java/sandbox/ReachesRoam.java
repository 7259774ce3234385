package sandbox;

/** Rule reflect-internal, load time: a constant class name and a direct call into Roam. */
public class ReachesRoam {
  public static void main(String[] args) throws Exception {
    Class<?> kernel = Class.forName("io.roam.kernel.LocalKernel");
    System.out.println(kernel);
    io.roam.instrument.runtime.Sandbox.checkClass(String.class);
  }
}
