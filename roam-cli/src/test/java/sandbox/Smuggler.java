package sandbox;

/** A program whose main class opens a socket: refused before it prints anything. */
public class Smuggler {
  public static void main(String[] args) throws Exception {
    System.out.println("smuggling");
    new java.net.Socket("localhost", 9).close();
    Accomplice.help();
  }
}
