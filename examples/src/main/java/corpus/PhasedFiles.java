package corpus;

import java.io.File;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * Writes in phases with FileOutputStream without append: a summary is created (truncating)
 * with a header "phases done: 00"; every phase writes part-P.txt with a new (truncating)
 * FileOutputStream, 200 lines paced by short sleeps, closes it, lists the directory and appends
 * "after phase P: N files, B bytes" to the summary through a FileOutputStream reopened in append
 * mode, then rewrites the header's count in place with a RandomAccessFile. Prints each phase's
 * lengths, then the summary. Arguments: {@code [DIR [PHASES]]}; without a directory it works in
 * fileio-PhasedFiles of the working directory and removes it at the end, with one it keeps the
 * files there. A part file that exists too early or a summary line written twice changes the
 * counts it records.
 */
public class PhasedFiles {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : "fileio-PhasedFiles");
        int phases = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        dir.mkdirs();
        File summary = new File(dir, "summary.txt");
        try (FileOutputStream s = new FileOutputStream(summary)) {
            s.write("phases done: 00\n".getBytes(StandardCharsets.UTF_8));
        }
        for (int p = 0; p < phases; p++) {
            File part = new File(dir, "part-" + p + ".txt");
            try (FileOutputStream o = new FileOutputStream(part)) {
                for (int i = 0; i < 200; i++) {
                    o.write(("phase " + p + " line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    if (i % 40 == 39) {
                        Thread.sleep(4);
                    }
                }
            }
            String[] names = dir.list();
            Arrays.sort(names);
            long total = 0;
            for (String n : names) {
                total += new File(dir, n).length();
            }
            try (FileOutputStream s = new FileOutputStream(summary, true)) {
                s.write(("after phase " + p + ": " + names.length + " files, " + total + " bytes\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            try (RandomAccessFile raf = new RandomAccessFile(summary, "rw")) {
                raf.seek("phases done: ".length());
                raf.write(String.format("%02d", (p + 1) % 100).getBytes(StandardCharsets.UTF_8));
            }
            System.out.println("phase " + p + ": " + part.length() + " bytes; summary " + summary.length() + " bytes");
        }
        String s = new String(Files.readAllBytes(summary.toPath()), StandardCharsets.UTF_8);
        String[] lines = s.split("\n");
        System.out.println(lines[0] + " (" + (lines.length - 1) + " phase lines)");
        System.out.println(lines[lines.length - 1]);
        if (args.length == 0) {
            boolean all = true;
            for (String n : dir.list()) {
                all &= new File(dir, n).delete();
            }
            System.out.println("deleted " + all + " " + dir.delete());
        }
    }
}
