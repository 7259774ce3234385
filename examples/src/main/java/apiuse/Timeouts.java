package apiuse;

import io.roam.api.Message;
import io.roam.api.NoSuchProcessException;
import io.roam.api.Pid;
import io.roam.api.Roam;

/**
 * receive with a timeout returns null once the time is up (and not before); a message sent to
 * oneself is received at once; an object graph arrives as a copy (cycles kept); what a snapshot
 * may not hold is refused at send; sends to a pid that never existed and to a process that has ended
 * fail with NoSuchProcessException; spawn starts a new program that can be talked to.
 */
public final class Timeouts {
  private Timeouts() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("echo")) {
      Message m = Roam.receive();
      Roam.send(m.sender(), "echo: " + m.body());
      return;
    }
    long t0 = System.nanoTime();
    Message none = Roam.receive(60);
    long waited = (System.nanoTime() - t0) / 1_000_000;
    System.out.println("receive(60) gave " + none + " after at least 60 ms: " + (waited >= 60));
    System.out.println("receive(0) gave " + Roam.receive(0));
    Roam.send(Roam.self(), "to myself");
    System.out.println("receive(0) after a send to self gave " + Roam.receive(0).body());
    java.util.List<Object> graph = new java.util.ArrayList<>(java.util.List.of("x", 1, new int[] {7}));
    graph.add(graph); // a cycle
    Roam.send(Roam.self(), graph);
    @SuppressWarnings("unchecked")
    java.util.List<Object> copy = (java.util.List<Object>) Roam.receive(0).body();
    System.out.println("a list sent to self arrives as a copy: " + (copy != graph) + ", cycle kept: "
        + (copy.get(3) == copy) + ", " + copy.get(0) + " " + copy.get(1) + " " + ((int[]) copy.get(2))[0]);
    try {
      Roam.send(Roam.self(), java.util.regex.Pattern.compile("a+"));
      System.out.println("a Pattern was sent");
    } catch (IllegalArgumentException e) {
      System.out.println("send of a Pattern refused, naming it: " + e.getMessage().contains("java.util.regex.Pattern"));
    }
    System.out.println("nothing else queued: " + (Roam.receive(0) == null));
    try {
      Roam.send(Pid.of(Roam.self().node(), 9999), "anyone?");
      System.out.println("send to n.9999 did not fail");
    } catch (NoSuchProcessException e) {
      System.out.println("send to a pid that never existed: NoSuchProcessException for " + e.pid().seq());
    }
    Pid echo = Roam.spawn("apiuse.Timeouts", "echo");
    Roam.send(echo, "hello");
    Message reply = Roam.receive(10_000);
    System.out.println("spawned echo replied: " + (reply == null ? "nothing" : reply.body())
        + ", from the spawned pid: " + (reply != null && reply.sender().equals(echo)));
    for (int i = 0; i < 10_000; i++) {
      try {
        Roam.send(echo, "still there?");
        Roam.receive(1);
      } catch (NoSuchProcessException e) {
        System.out.println("send to the ended echo: NoSuchProcessException");
        return;
      }
    }
    System.out.println("the ended echo still took messages");
  }
}
