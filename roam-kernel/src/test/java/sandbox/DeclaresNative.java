package sandbox;

/** Rule native: a native method, and loading a library. */
public class DeclaresNative {
  static native int answer();

  public static void main(String[] args) {
    System.loadLibrary("roam-sandbox-test");
    System.out.println(answer());
  }
}
