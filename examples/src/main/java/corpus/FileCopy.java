package corpus;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.zip.CRC32;

/**
 * Writes 1.6 MB of pseudo-random ints through DataOutputStream over BufferedOutputStream over
 * FileOutputStream (an unflushed buffer most of the time), copies the file with FileInputStream
 * and FileOutputStream in 1000-byte chunks, then skips and reads at an offset. Prints progress and
 * CRCs. Works in the directory fileio-FileCopy of the working directory, which it removes at the
 * end unless the first argument is "keep".
 */
public class FileCopy {
    static final String DIR = "fileio-FileCopy";

    public static void main(String[] args) throws Exception {
        boolean keep = args.length > 0 && args[0].equals("keep");
        File dir = new File(DIR);
        dir.mkdirs();
        File src = new File(dir, "source.bin");
        long seed = 42;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(src), 4096))) {
            for (int i = 0; i < 400_000; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                out.writeInt((int) (seed >>> 33));
                if (i % 20_000 == 0) {
                    System.out.println("generated " + i + " ints, " + out.size() + " bytes");
                    Thread.sleep(3);
                }
            }
        }
        System.out.println("source " + src.length() + " bytes, crc " + crc(src));
        File dst = new File(dir, "copy.bin");
        byte[] buf = new byte[1000];
        long copied = 0;
        int chunks = 0;
        try (FileInputStream in = new FileInputStream(src); FileOutputStream out = new FileOutputStream(dst)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                copied += n;
                chunks++;
                if (chunks % 8 == 0) {
                    Thread.sleep(1);
                }
                if (chunks % 200 == 0) {
                    System.out.println("copied " + copied + " bytes, " + in.available() + " left");
                }
            }
        }
        System.out.println("copy " + dst.length() + " bytes, crc " + crc(dst));
        try (FileInputStream in = new FileInputStream(dst)) {
            long skipped = in.skip(1_000_000);
            byte[] b = new byte[8];
            int n = in.read(b);
            StringBuilder hex = new StringBuilder();
            for (byte x : b) {
                hex.append(String.format("%02x", x));
            }
            System.out.println("skipped " + skipped + ", read " + n + ": " + hex);
        }
        try (FileOutputStream out = new FileOutputStream(new File(dir, "copy.bin"), true)) {
            out.write("appended tail".getBytes());
        }
        System.out.println("after append " + dst.length() + " bytes, crc " + crc(dst));
        if (!keep) {
            System.out.println("deleted " + dst.delete() + " " + src.delete() + " " + dir.delete());
        }
    }

    static long crc(File f) throws IOException, InterruptedException {
        CRC32 crc = new CRC32();
        byte[] b = new byte[8192];
        int reads = 0;
        try (FileInputStream in = new FileInputStream(f)) {
            for (int n; (n = in.read(b)) > 0; ) {
                crc.update(b, 0, n);
                if (++reads % 32 == 0) {
                    Thread.sleep(1);
                }
            }
        }
        return crc.getValue();
    }
}
