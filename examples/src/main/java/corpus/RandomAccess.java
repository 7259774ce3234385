package corpus;

import java.io.File;
import java.io.FileInputStream;
import java.io.RandomAccessFile;
import java.util.zip.CRC32;

/**
 * A table of 20 000 fixed-size records in a RandomAccessFile: written sequentially (writeInt,
 * writeLong), then 30 000 random seeks that read a record, check it and write it back changed;
 * then text at the end (writeBytes, readLine across \n and \r\n, writeUTF/readUTF), setLength to
 * cut the file, and readFully. Prints sums, pointers and the CRC of the file. Works in
 * fileio-RandomAccess of the working directory, removed at the end unless the first argument is
 * "keep".
 */
public class RandomAccess {
    static final String DIR = "fileio-RandomAccess";
    static final int RECORDS = 20_000;
    static final int RECORD = 16;

    public static void main(String[] args) throws Exception {
        boolean keep = args.length > 0 && args[0].equals("keep");
        File dir = new File(DIR);
        dir.mkdirs();
        File f = new File(dir, "table.dat");
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            raf.setLength(0);
            for (int i = 0; i < RECORDS; i++) {
                raf.writeInt(i);
                raf.writeLong((long) i * i);
                raf.writeInt(~i);
                if (i % 1000 == 0) {
                    Thread.sleep(1);
                }
            }
            System.out.println("length " + raf.length() + ", pointer " + raf.getFilePointer());
            long seed = 7;
            long sum = 0;
            for (int k = 0; k < 30_000; k++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int r = (int) ((seed >>> 33) % RECORDS);
                raf.seek((long) r * RECORD);
                int id = raf.readInt();
                long v = raf.readLong();
                int inv = raf.readInt();
                if (id != r || inv != ~r) {
                    System.out.println("corrupt record " + r + ": " + id + " " + inv);
                }
                sum += v;
                raf.seek((long) r * RECORD + 4);
                raf.writeLong(v + k);
                if (k % 1000 == 0) {
                    Thread.sleep(1);
                }
                if (k % 5000 == 0) {
                    System.out.println("k " + k + ", sum " + sum + ", pointer " + raf.getFilePointer());
                }
            }
            long end = raf.length();
            raf.seek(end);
            raf.writeBytes("line one\nline two\r\nline three");
            raf.writeUTF("h\u00e9llo w\u00f6rld \u20ac");
            raf.writeDouble(Math.PI);
            raf.seek(end);
            System.out.println(raf.readLine() + " | " + raf.readLine() + " | " + raf.readLine().substring(0, 10));
            raf.seek(end + 29);
            System.out.println(raf.readUTF() + " " + raf.readDouble() + ", pointer " + raf.getFilePointer());
            raf.setLength(end + 19);
            System.out.println("cut to " + raf.length() + ", pointer " + raf.getFilePointer() + ", skip " + raf.skipBytes(5));
            byte[] tail = new byte[19];
            raf.seek(end);
            raf.readFully(tail);
            System.out.println("tail '" + new String(tail, "ISO-8859-1").replace("\r", "\\r").replace("\n", "\\n") + "'");
        }
        CRC32 crc = new CRC32();
        try (FileInputStream in = new FileInputStream(f)) {
            byte[] b = new byte[4096];
            for (int n; (n = in.read(b)) > 0; ) {
                crc.update(b, 0, n);
            }
        }
        System.out.println("file " + f.length() + " bytes, crc " + crc.getValue());
        if (!keep) {
            System.out.println("deleted " + f.delete() + " " + dir.delete());
        }
    }
}
