package sandbox;

/** Rule security-manager. */
public class SetsSecurityManager {
  @SuppressWarnings("removal")
  public static void main(String[] args) {
    System.setSecurityManager(null);
  }
}
