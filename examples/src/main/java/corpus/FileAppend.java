package corpus;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.PrintWriter;
import java.util.zip.CRC32;

/**
 * Appends to a log: forty rounds that each open a FileWriter in append mode, write 25 lines and
 * close it; then a PrintWriter over a BufferedWriter over an appending FileWriter, kept open for
 * 3000 lines (println and printf; its buffer is mostly unflushed); then a PrintWriter opened by
 * file name. Reads everything back with BufferedReader over FileReader and prints counts, CRCs
 * and the first and last lines. Works in fileio-FileAppend of the working directory, removed at
 * the end unless the first argument is "keep".
 */
public class FileAppend {
    static final String DIR = "fileio-FileAppend";

    public static void main(String[] args) throws Exception {
        boolean keep = args.length > 0 && args[0].equals("keep");
        File dir = new File(DIR);
        dir.mkdirs();
        File log = new File(dir, "log.txt");
        try (FileWriter w = new FileWriter(log)) {
            w.write("header \u00e9\u00e8 \u20ac\n");
        }
        for (int round = 0; round < 40; round++) {
            try (FileWriter w = new FileWriter(log, true)) {
                for (int i = 0; i < 25; i++) {
                    w.write("round " + round + " line " + i + "\n");
                }
            }
            Thread.sleep(3);
            if (round % 10 == 0) {
                System.out.println("round " + round + ", log has " + log.length() + " bytes");
            }
        }
        PrintWriter pw = new PrintWriter(new BufferedWriter(new FileWriter(log, true)));
        for (int i = 0; i < 3000; i++) {
            pw.println("pw " + i + " " + (i * 31 % 97));
            if (i % 7 == 0) {
                pw.printf("fmt %05d %s%n", i, Integer.toHexString(i * 2654435761L > 0 ? i : -i));
            }
            if (i % 100 == 0) {
                Thread.sleep(2);
            }
        }
        pw.close();
        System.out.println("after the PrintWriter, log has " + log.length() + " bytes");
        try (PrintWriter sq = new PrintWriter(DIR + "/squares.txt")) {
            for (int i = 0; i < 500; i++) {
                sq.println(i + "^2 = " + (i * i));
                if (i % 50 == 0) {
                    Thread.sleep(2);
                }
            }
        }
        report(log);
        report(new File(dir, "squares.txt"));
        if (!keep) {
            System.out.println("deleted " + log.delete() + " " + new File(dir, "squares.txt").delete() + " " + dir.delete());
        }
    }

    static void report(File f) throws Exception {
        CRC32 crc = new CRC32();
        int lines = 0;
        String first = null;
        String last = null;
        try (BufferedReader r = new BufferedReader(new FileReader(f))) {
            for (String l; (l = r.readLine()) != null; ) {
                lines++;
                crc.update(l.getBytes("UTF-8"));
                if (first == null) {
                    first = l;
                }
                last = l;
                if (lines % 500 == 0) {
                    Thread.sleep(1);
                }
            }
        }
        System.out.println(f.getName() + ": " + lines + " lines, crc " + crc.getValue() + ", first '" + first
            + "', last '" + last + "'");
    }
}
