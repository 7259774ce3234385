package corpus;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The classic wrappers: a PrintWriter over an OutputStreamWriter (UTF-8) over a FileOutputStream,
 * kept open over 4000 lines with accents and surrogate pairs (unflushed most of the time); read
 * back through BufferedReader over InputStreamReader over FileInputStream, one char at a time for
 * a while and then by lines; an OutputStreamWriter over System.out flushed at the end. Works in
 * fileio-StreamReaders of the working directory, removed at the end unless the first argument is
 * "keep".
 */
public class StreamReaders {
    public static void main(String[] args) throws Exception {
        boolean keep = args.length > 0 && args[0].equals("keep");
        File dir = new File("fileio-StreamReaders");
        dir.mkdirs();
        File f = new File(dir, "text.txt");
        PrintWriter w = new PrintWriter(new OutputStreamWriter(new FileOutputStream(f), StandardCharsets.UTF_8));
        for (int i = 0; i < 4000; i++) {
            w.println("z\u00e9ile " + i + " \u20ac " + (i % 3 == 0 ? "\uD83D\uDE00" : "-") + " " + Integer.toString(i * 7919, 36));
            if (i % 200 == 0) {
                Thread.sleep(2);
            }
        }
        w.close();
        System.out.println("wrote " + f.length() + " bytes");
        CRC32 crc = new CRC32();
        int lines = 0;
        StringBuilder head = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(f), StandardCharsets.UTF_8), 64)) {
            for (int i = 0; i < 300; i++) {
                head.append((char) r.read());
                if (i % 50 == 0) {
                    Thread.sleep(2);
                }
            }
            for (String l; (l = r.readLine()) != null; ) {
                crc.update(l.getBytes(StandardCharsets.UTF_8));
                if (++lines % 400 == 0) {
                    Thread.sleep(2);
                }
            }
        }
        System.out.println("head " + head.toString().replace("\n", "|"));
        System.out.println("then " + lines + " lines, crc " + crc.getValue());
        Writer console = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        for (int i = 0; i < 5; i++) {
            console.write("console line " + i + " \u00e9\n");
            Thread.sleep(2);
        }
        console.flush();
        if (!keep) {
            System.out.println("deleted " + f.delete() + " " + dir.delete());
        }
    }
}
