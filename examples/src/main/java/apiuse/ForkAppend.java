package apiuse;

import io.roam.api.Message;
import io.roam.api.Pid;
import io.roam.api.Roam;
import java.io.File;
import java.io.FileWriter;

/**
 * A parent checkpoints ({@code Roam.checkpoint()}), then forks; the child appends 200 numbered
 * lines to {@code DIR/child.txt}, reopening a FileWriter in append mode for each, 5 ms apart, then
 * tells the parent, which prints what it heard and the file's length. Argument: {@code DIR}. A
 * child made again after a recovery must not find its former self's lines in the file.
 */
public final class ForkAppend {
  private ForkAppend() {}

  public static void main(String[] args) throws Exception {
    File dir = new File(args[0]);
    dir.mkdirs();
    File file = new File(dir, "child.txt");
    Roam.checkpoint();
    Pid parent = Roam.self();
    Pid child = Roam.fork();
    if (child.isNone()) {
      for (int i = 0; i < 200; i++) {
        try (FileWriter w = new FileWriter(file, true)) {
          w.write("child line " + i + "\n");
        }
        Thread.sleep(5);
      }
      Roam.send(parent, "done");
      return;
    }
    Message m = Roam.receive(60_000);
    System.out.println("child said " + (m == null ? "nothing" : m.body()) + ", child.txt has " + file.length() + " bytes");
  }
}
