package apiuse;

import io.roam.api.Message;
import io.roam.api.Roam;

/**
 * Waits in receive with a timeout and no sender: the process is blocked (holding no worker) when
 * it is frozen, and the timeout keeps counting on the process's clock wherever it resumes.
 * Usage: {@code WaitLong MILLIS}.
 */
public final class WaitLong {
  private WaitLong() {}

  public static void main(String[] args) {
    long millis = Long.parseLong(args[0]);
    System.out.println("waiting " + millis + " ms for a message");
    long t0 = System.nanoTime();
    Message m = Roam.receive(millis);
    long waited = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("got " + m + " after at least " + millis + " ms: " + (waited >= millis));
  }
}
