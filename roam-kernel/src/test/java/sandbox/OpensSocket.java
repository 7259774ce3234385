package sandbox;

/** Rule net: opens a socket in its main class, so nothing of it runs. */
public class OpensSocket {
  public static void main(String[] args) throws Exception {
    System.out.println("connecting");
    try (java.net.Socket s = new java.net.Socket("localhost", 9)) {
      s.getOutputStream().write(1);
    }
  }
}
