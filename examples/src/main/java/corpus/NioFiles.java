package corpus;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * java.nio.file and FileChannel: createDirectories, write/readAllLines, writeString/readString,
 * a BufferedWriter from newBufferedWriter kept open over 5000 lines, newBufferedReader,
 * a FileChannel written block by block then positioned, read, truncated and forced, copy, move,
 * newInputStream/newOutputStream (append), lines, list and walk, exists/isDirectory/size/delete.
 * Prints what it reads back. Works in fileio-NioFiles of the working directory, removed at the
 * end unless the first argument is "keep".
 */
public class NioFiles {
    static final Path DIR = Path.of("fileio-NioFiles");

    public static void main(String[] args) throws Exception {
        boolean keep = args.length > 0 && args[0].equals("keep");
        Files.createDirectories(DIR.resolve("sub/deeper"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            lines.add("line " + i + " " + Integer.toHexString(i * 0x9E3779B9));
        }
        Files.write(DIR.resolve("lines.txt"), lines);
        List<String> back = Files.readAllLines(DIR.resolve("lines.txt"));
        System.out.println(back.size() + " lines, last '" + back.get(back.size() - 1) + "', equal " + back.equals(lines));
        Files.writeString(DIR.resolve("s.txt"), "hello\nw\u00f6rld\n");
        System.out.println("string of " + Files.readString(DIR.resolve("s.txt")).length() + " chars, "
            + Files.size(DIR.resolve("s.txt")) + " bytes");
        try (BufferedWriter w = Files.newBufferedWriter(DIR.resolve("sub/buffered.txt"))) {
            for (int i = 0; i < 5000; i++) {
                w.write("entry " + i + " \u00e9");
                w.newLine();
                if (i % 250 == 0) {
                    Thread.sleep(2);
                }
            }
        }
        CRC32 crc = new CRC32();
        int count = 0;
        try (BufferedReader r = Files.newBufferedReader(DIR.resolve("sub/buffered.txt"))) {
            for (String l; (l = r.readLine()) != null; ) {
                crc.update(l.getBytes(StandardCharsets.UTF_8));
                if (++count % 500 == 0) {
                    Thread.sleep(1);
                }
            }
        }
        System.out.println("buffered: " + count + " lines, crc " + crc.getValue());
        Path bin = DIR.resolve("chan.bin");
        try (FileChannel ch = FileChannel.open(bin, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int i = 0; i < 512; i++) {
                writeBlock(ch, i);
                if (i % 32 == 0) {
                    Thread.sleep(2);
                }
            }
            System.out.println("channel size " + ch.size() + ", position " + ch.position());
            ch.position(1000);
            System.out.println("block at 1000: crc " + readBlock(ch) + ", position " + ch.position());
            ch.truncate(100_000);
            ch.force(true);
            System.out.println("truncated: size " + ch.size() + ", position " + ch.position());
        }
        Files.copy(bin, DIR.resolve("copy.bin"));
        Files.move(DIR.resolve("copy.bin"), DIR.resolve("sub/moved.bin"), StandardCopyOption.REPLACE_EXISTING);
        try (OutputStream out = Files.newOutputStream(DIR.resolve("sub/moved.bin"), StandardOpenOption.APPEND)) {
            out.write(new byte[] {1, 2, 3});
        }
        try (InputStream in = Files.newInputStream(DIR.resolve("sub/moved.bin"))) {
            CRC32 c = new CRC32();
            c.update(in.readAllBytes());
            System.out.println("moved: " + Files.size(DIR.resolve("sub/moved.bin")) + " bytes, crc " + c.getValue());
        }
        try (Stream<String> s = Files.lines(DIR.resolve("lines.txt"))) {
            System.out.println("lines with 7: " + s.filter(l -> l.contains("7")).count());
        }
        try (Stream<Path> s = Files.list(DIR)) {
            System.out.println("list: " + s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        try (Stream<Path> s = Files.walk(DIR)) {
            System.out.println("walk: " + s.map(p -> DIR.relativize(p).toString()).sorted().collect(Collectors.toList()));
        }
        System.out.println("exists " + Files.exists(DIR.resolve("s.txt")) + ", dir " + Files.isDirectory(DIR.resolve("sub"))
            + ", deleted " + Files.deleteIfExists(DIR.resolve("s.txt")) + ", again " + Files.deleteIfExists(DIR.resolve("s.txt"))
            + ", absolute " + DIR.toAbsolutePath().endsWith(DIR));
        if (!keep) {
            List<Path> all;
            try (Stream<Path> s = Files.walk(DIR)) {
                all = s.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
            }
            for (Path p : all) {
                Files.delete(p);
            }
            System.out.println("removed " + !Files.exists(DIR));
        }
    }

    static void writeBlock(FileChannel ch, int i) throws IOException {
        ch.write(ByteBuffer.wrap(block(i)));
    }

    static byte[] block(int i) {
        byte[] b = new byte[1024];
        for (int j = 0; j < b.length; j++) {
            b[j] = (byte) (i * 31 + j * 7);
        }
        return b;
    }

    static long readBlock(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(4096);
        ch.read(b);
        CRC32 c = new CRC32();
        c.update(b.array(), 0, b.position());
        return c.getValue();
    }
}
