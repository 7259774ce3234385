package corpus;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What file calls report when they fail, and the java.io.File queries, on relative paths: missing
 * files and directories, a directory opened as a file, existing names created again, closed
 * streams and channels, a bad RandomAccessFile mode. Prints each message (sleeping a little
 * before each attempt, so that freezes fall between them). Works in
 * fileio-FileErrors of the working directory, removed at the end unless the first argument is
 * "keep".
 */
public class FileErrors {
    public static void main(String[] args) throws Exception {
        boolean keep = args.length > 0 && args[0].equals("keep");
        File dir = new File("fileio-FileErrors");
        System.out.println("mkdir " + dir.mkdir() + ", again " + dir.mkdir() + ", exists " + dir.exists()
            + ", dir " + dir.isDirectory() + ", file " + dir.isFile());
        attempt("FileInputStream missing", () -> new FileInputStream("fileio-FileErrors/missing.txt"));
        attempt("FileReader missing", () -> new FileReader(new File(dir, "missing.txt")));
        attempt("FileOutputStream no parent", () -> new FileOutputStream("fileio-FileErrors/no/x.txt"));
        attempt("FileInputStream directory", () -> new FileInputStream(dir));
        attempt("FileInputStream empty name", () -> new FileInputStream(""));
        attempt("RandomAccessFile mode", () -> new RandomAccessFile(new File(dir, "r.bin"), "rx"));
        attempt("RandomAccessFile r missing", () -> new RandomAccessFile(new File(dir, "r.bin"), "r"));
        attempt("Files.readAllBytes missing", () -> Files.readAllBytes(Path.of("fileio-FileErrors/missing.txt")));
        attempt("Files.delete missing", () -> {
            Files.delete(Path.of("fileio-FileErrors/missing.txt"));
            return null;
        });
        attempt("Files.createDirectory existing", () -> Files.createDirectory(dir.toPath()));
        Path a = Path.of("fileio-FileErrors", "a.txt");
        Files.createFile(a);
        attempt("Files.createFile existing", () -> Files.createFile(a));
        File b = new File(dir, "b.txt");
        System.out.println("createNewFile " + b.createNewFile() + ", again " + b.createNewFile() + ", length "
            + b.length() + ", rename " + b.renameTo(new File(dir, "c.txt")) + ", b exists " + b.exists());
        Files.writeString(a, "twelve bytes");
        String[] names = dir.list();
        Arrays.sort(names);
        System.out.println("a.txt " + new File(dir, "a.txt").length() + " bytes, list " + Arrays.toString(names)
            + ", missing length " + new File(dir, "missing").length());
        FileInputStream in = new FileInputStream(a.toFile());
        System.out.println("read " + (char) in.read() + ", available " + in.available());
        in.close();
        attempt("read after close", () -> in.read());
        FileChannel ch = FileChannel.open(a);
        ch.close();
        attempt("channel after close", () -> ch.read(ByteBuffer.allocate(4)));
        FileChannel ro = FileChannel.open(a);
        attempt("write to a read-only channel", () -> ro.write(ByteBuffer.allocate(4)));
        ro.close();
        attempt("Files.size missing", () -> Files.size(Path.of("fileio-FileErrors/missing.txt")));
        System.out.println("absolute ends right " + dir.getAbsolutePath().endsWith(File.separator + "fileio-FileErrors")
            + ", absolute " + new File(dir.getAbsolutePath()).isAbsolute());
        if (!keep) {
            for (String n : dir.list()) {
                new File(dir, n).delete();
            }
            System.out.println("removed " + dir.delete());
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    static void attempt(String what, Call c) throws InterruptedException {
        Thread.sleep(15);
        try {
            Object r = c.run();
            System.out.println(what + ": no error, " + r.getClass().getSimpleName());
        } catch (Exception e) {
            System.out.println(what + ": " + e.getClass().getName() + ": " + e.getMessage());
        } catch (Error e) {
            System.out.println(what + ": error " + e.getClass().getName());
        }
    }
}
