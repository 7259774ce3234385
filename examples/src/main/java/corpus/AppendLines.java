package corpus;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Appends numbered lines to a log: every round opens a FileWriter in append mode, writes 20
 * lines and closes it, then writes the log's length to a tally kept open in append mode for the
 * whole run (a FileOutputStream), and sleeps 20 ms. Prints the lengths every ten rounds, then
 * line counts and CRCs of both files. Arguments: {@code [DIR [ROUNDS]]}; without a directory it
 * works in fileio-AppendLines of the working directory and removes it at the end, with one it
 * keeps the files there. A file holding a round twice shows in the tally's lengths and the CRCs.
 */
public class AppendLines {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : "fileio-AppendLines");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        dir.mkdirs();
        File log = new File(dir, "log.txt");
        File tally = new File(dir, "tally.txt");
        FileOutputStream t = new FileOutputStream(tally, true);
        int line = 0;
        for (int r = 0; r < rounds; r++) {
            try (FileWriter w = new FileWriter(log, true)) {
                for (int i = 0; i < 20; i++) {
                    w.write("line " + line++ + " of round " + r + "\n");
                }
            }
            t.write(("round " + r + ": log has " + log.length() + " bytes\n").getBytes(StandardCharsets.UTF_8));
            if (r % 10 == 0) {
                System.out.println("round " + r + ": log " + log.length() + " bytes, tally " + tally.length() + " bytes");
            }
            Thread.sleep(20);
        }
        t.close();
        report(log);
        report(tally);
        if (args.length == 0) {
            System.out.println("deleted " + log.delete() + " " + tally.delete() + " " + dir.delete());
        }
    }

    static void report(File f) throws Exception {
        CRC32 crc = new CRC32();
        int lines = 0;
        try (BufferedReader r = new BufferedReader(new FileReader(f))) {
            for (String l; (l = r.readLine()) != null; ) {
                lines++;
                crc.update(l.getBytes(StandardCharsets.UTF_8));
            }
        }
        System.out.println(f.getName() + ": " + f.length() + " bytes, " + lines + " lines, crc " + Long.toHexString(crc.getValue()));
    }
}
