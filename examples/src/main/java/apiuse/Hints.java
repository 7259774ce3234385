package apiuse;

import io.roam.api.Roam;
import java.util.ArrayList;
import java.util.List;

/**
 * checkpoint() and migrateHint(): records a hint, asks for a checkpoint (true in a durable node,
 * false elsewhere) and prints what it got, with some heap state around the call to show that the
 * process continues where it was.
 */
public final class Hints {
  private Hints() {}

  public static void main(String[] args) {
    List<Integer> squares = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      squares.add(i * i);
    }
    Roam.migrateHint("n7");
    boolean written = Roam.checkpoint();
    squares.add(25);
    System.out.println("checkpoint: " + written + ", squares " + squares);
  }
}
