package apiuse;

import io.roam.api.Message;
import io.roam.api.Pid;
import io.roam.api.Roam;
import java.util.ArrayList;
import java.util.List;

/**
 * fork() returns in both processes, each with its own heap and statics: the child changes a
 * list, an array and a static field and reports what it sees; the parent, after the child's
 * report arrived, prints its own unchanged copies. Also prints what fork returned on each side,
 * and that a message queued before the fork stays with the parent (the child's mailbox starts
 * empty).
 */
public final class ForkHeaps {
  static int counter = 1;

  private ForkHeaps() {}

  public static void main(String[] args) {
    List<String> list = new ArrayList<>(List.of("a"));
    int[] array = {1, 2, 3};
    Pid me = Roam.self();
    Roam.send(me, "queued before the fork");
    Pid forked = Roam.fork();
    if (forked.isNone()) {
      boolean emptyMailbox = Roam.receive(0) == null;
      list.add("child");
      array[0] = 100;
      counter = 42;
      Pid self = Roam.self();
      Roam.send(me, "child sees list=" + list + " array[0]=" + array[0] + " counter=" + counter
          + " self!=parent=" + !self.equals(me) + " fork()=" + forked + " empty mailbox=" + emptyMailbox);
      return;
    }
    System.out.println("parent kept: " + Roam.receive(0).body());
    Message m = Roam.receive(10_000);
    System.out.println("parent got: " + (m == null ? "nothing" : m.body()));
    System.out.println("parent sees list=" + list + " array[0]=" + array[0] + " counter=" + counter
        + " child is sender=" + (m != null && m.sender().equals(forked)) + " fork() is none=" + forked.isNone());
  }
}
